package io.datom.core;

import io.datom.core.hash.TableHash;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of one table, pending until {@link #commit()}: R's {@code datom_write(conn, data, name, metadata=,
 * message=, parents=)} with the data already hashed by the engine. Start one with
 * {@link DatomWriter#newWrite(String, io.datom.core.hash.TableHash, ParquetObject)}, refine it, then commit it once.
 *
 * <pre>{@code
 * WriteResult result = writer.newWrite("dm", hash, new LocalParquetFile(file))
 *     .message("DM cut 2")
 *     .customMetadata("{\"cut\": 2}")
 *     .commit();
 * }</pre>
 *
 * <p>Each refinement checks its argument at once, so that an engine can refuse a bad option before it runs a job.
 * Not thread-safe.
 */
public final class TableWrite {

  private final DatomWriter writer;
  private final WriteRequest.Builder request;

  TableWrite(DatomWriter writer, String table, TableHash hash, ParquetObject data) {
    this.writer = writer;
    this.request = WriteRequest.builder(table, hash, data);
  }

  /**
   * The commit message and history {@code commit_message}; R's default is {@code Update {table}}.
   *
   * @throws io.datom.core.exceptions.InvalidMetadataException if R cannot hold it ({@link RText})
   */
  public TableWrite message(String message) {
    request.message(message);
    return this;
  }

  /**
   * User metadata (R's {@code metadata=}), recorded as {@code custom}: a JSON object, parsed here.
   *
   * @throws io.datom.core.exceptions.MalformedJsonException if {@code json} is not a JSON object
   */
  public TableWrite customMetadata(String json) {
    request.customMetadata(JsonParser.parseObject(Objects.requireNonNull(json, "json"), "custom metadata"));
    return this;
  }

  /**
   * User metadata of string fields, recorded as {@code custom} in the map's iteration order (pass a sorted map for
   * sorted keys).
   */
  public TableWrite customMetadata(Map<String, String> fields) {
    JsonObject.Builder json = JsonObject.builder();
    fields.forEach(json::put);
    request.customMetadata(json.build());
    return this;
  }

  /**
   * The tables this one was derived from (R's {@code parents=}); an empty list declares that there are none. The
   * version records them lean and its {@code source_lineage} becomes the union of theirs (format §9).
   */
  public TableWrite parents(List<Parent> parents) {
    request.parents(parents.stream().map(Parent::entry).toList());
    return this;
  }

  /**
   * Makes the write conditional on {@code base} still being the table's current version when it commits, as an
   * append computed from the current version's rows must be; without it the write lands on whatever is current.
   */
  public TableWrite basedOn(BaseVersion base) {
    request.basedOn(base);
    return this;
  }

  /**
   * Marks the table as imported from a file (R's {@code datom_sync}): {@code table_type} {@code imported}, the file's
   * sha and format recorded in the metadata, history and manifest, and the self-lineage of format §8.
   *
   * @param originalFileSha sha256 hex of the source file's bytes
   * @param originalFormat  the file's extension exactly as found, e.g. {@code csv} or {@code CSV}
   */
  public TableWrite imported(String originalFileSha, String originalFormat) {
    request.imported(originalFileSha, originalFormat);
    return this;
  }

  /**
   * Writes the version: nothing if the table's current version already has this content and metadata
   * ({@link WriteAction#NONE}), else a new version, committed, pushed and mirrored to the store.
   *
   * @return what was written
   * @throws io.datom.core.exceptions.InvalidNameException if the table name is invalid (R's messages)
   * @throws io.datom.core.exceptions.InvalidMetadataException if column names or custom metadata are unusable
   * @throws io.datom.core.exceptions.InvalidLineageException if a parent is malformed
   * @throws io.datom.core.exceptions.TableChangedException if a {@link #basedOn base} is no longer current
   * @throws io.datom.core.exceptions.MalformedJsonException if a file of the table in git is not valid JSON
   * @throws io.datom.core.exceptions.InvalidDatomFileException if a file of the table in git is not a datom file
   * @throws io.datom.core.exceptions.ConcurrentWriteException if every push attempt was rejected
   * @throws io.datom.core.exceptions.RemoteRefLockedException if the remote's branch is locked by a lock file
   * @throws io.datom.core.exceptions.MirrorIncompleteException if the version was committed but the store mirror
   *     could not catch up with other writers
   * @throws io.datom.core.exceptions.WriteInterruptedException if the thread was interrupted while waiting to retry
   * @throws io.datom.core.exceptions.StoreException if the store cannot be read or written (a missing bucket is a
   *     {@link io.datom.core.exceptions.BucketNotFoundException})
   * @throws io.datom.core.exceptions.GitAuthenticationException if the remote refuses the credentials
   * @throws io.datom.core.exceptions.DataRepoException if git fails for another reason than a concurrent push
   */
  public WriteResult commit() {
    return writer.write(request.build());
  }
}
