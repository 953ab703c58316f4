package io.datom.core;

import io.datom.core.exceptions.DatomException;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonWriter;
import io.datom.core.store.ObjectIdentity;
import io.datom.core.store.Store;
import java.time.Clock;
import java.util.Optional;

/**
 * Durable proof that a version's object was checked against its {@code parquet_sha}, kept in the store next to the
 * object so that a new reader (a new driver, a restarted cluster) need not stream the whole object again.
 *
 * <p>A record at {@code {table}/.verified/{data_sha}.parquet.json} says: the object at {@code {table}/{data_sha}.parquet},
 * while the store reported it as {@link ObjectIdentity} {@code X}, hashed to {@code parquet_sha} {@code S}. It is
 * written by a reader after a full check and by the writer that placed the object (which hashed the bytes it
 * uploaded). A reader trusts it only when the store still reports identity {@code X} for the object and {@code S} is
 * the {@code parquet_sha} the version records; any disagreement, or a missing or unreadable record, means a full
 * check. The key is in a dot-folder of the table's folder: the R package reads only the keys it names (the manifest,
 * {@code metadata.json}, {@code version_history.json}, {@code .metadata/{metadata_sha}.json}, the parquet objects), so
 * the record is neither a version nor a table to it, and {@code datom_storage_copy} copies it like any object.
 *
 * <p>The record guards against accidents (a truncated upload, a replaced or overwritten object, a copy gone wrong),
 * not against someone who can write the store: such a writer could write a matching record too.
 */
public final class VerificationRecords {

  static final String FOLDER = ".verified";
  private static final String KIND = "datom verification record 1";

  private VerificationRecords() {}

  /** Where the record of the object at {@code objectKey} lives: {@code {table}/.verified/{file}.json}. */
  public static String keyOf(String objectKey) {
    int slash = objectKey.lastIndexOf('/');
    String folder = slash < 0 ? "" : objectKey.substring(0, slash + 1);
    return folder + FOLDER + "/" + objectKey.substring(slash + 1) + ".json";
  }

  /**
   * Whether the store holds a record vouching that the snapshot's object, as the store now reports it
   * ({@code current}), hashes to the snapshot's {@code parquet_sha}. One store read; a missing, malformed or
   * unreadable record vouches for nothing (and is not an error: the caller verifies in full).
   */
  public static boolean vouchFor(Store store, Snapshot snapshot, ObjectIdentity current) {
    Optional<String> expected = snapshot.parquetSha().filter(sha -> !sha.isEmpty());
    if (expected.isEmpty()) {
      return false;
    }
    Optional<byte[]> bytes;
    try {
      bytes = store.read(keyOf(snapshot.objectKey()));
    } catch (DatomException unreadable) {
      return false;
    }
    return bytes.flatMap(VerificationRecords::parse)
        .filter(record -> text(record, "kind").filter(KIND::equals).isPresent())
        .filter(record -> text(record, "object").filter(snapshot.objectKey()::equals).isPresent())
        .filter(record -> text(record, "parquet_sha").equals(expected))
        .filter(record -> text(record, "size").filter(String.valueOf(current.size())::equals).isPresent())
        .filter(record -> text(record, "identity").filter(current.tag()::equals).isPresent())
        .isPresent();
  }

  /**
   * Records that the object at {@code objectKey}, reported by the store as {@code identity}, hashes to
   * {@code parquetSha}: call it only after hashing exactly those bytes. One store write.
   *
   * @param by who hashed them, for people reading the record: {@code "reader"} or {@code "writer"}
   * @throws io.datom.core.exceptions.StoreException when the store refuses the write (a read-only reader, say)
   */
  public static void record(Store store, String objectKey, String parquetSha, ObjectIdentity identity, String by,
      Clock clock) {
    JsonObject record = JsonObject.builder()
        .put("kind", KIND)
        .put("object", objectKey)
        .put("parquet_sha", parquetSha)
        .put("size", String.valueOf(identity.size()))
        .put("identity", identity.tag())
        .put("verified_by", by)
        .put("verified_at", clock.instant().toString())
        .build();
    store.writeJson(keyOf(objectKey), JsonWriter.pretty(record));
  }

  private static Optional<JsonObject> parse(byte[] bytes) {
    try {
      return Optional.of(JsonParser.parse(bytes, "verification record"))
          .filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonObject record, String field) {
    return record.get(field).filter(JsonString.class::isInstance).map(value -> ((JsonString) value).value());
  }
}
