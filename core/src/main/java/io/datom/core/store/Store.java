package io.datom.core.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The data store of one datom project: a local directory or an object-store bucket, at a root plus an optional
 * prefix. Every key passed in is a <em>logical</em> key such as {@code dm/abc.parquet} or {@code .metadata/manifest.json};
 * the store maps it to {@code {root}/{prefix}/datom/{key}} (format §1.4) itself.
 *
 * <p>The interface is deliberately small so that an engine can supply its own implementation (the Spark connector
 * adds one over Hadoop's {@code FileSystem}) without touching the write and read protocols.
 *
 * <p>Implementations are thread-safe. Failures surface as {@link io.datom.core.exceptions.StoreException}. A store
 * may hold a network client: close it when done.
 */
public interface Store extends AutoCloseable {

  /** Where this store is: type, root, prefix and (for S3) region. Never holds credentials. */
  StoreLocation location();

  /** The object's bytes, or empty when no object exists at {@code key}. */
  Optional<byte[]> read(String key);

  /** Streams an object; the caller closes the stream. Throws {@link io.datom.core.exceptions.StoreObjectNotFoundException} when absent. */
  InputStream open(String key);

  /** Whether an object exists at {@code key}. */
  boolean exists(String key);

  /** Size in bytes of an existing object, or empty when absent. */
  Optional<Long> size(String key);

  /**
   * The object's {@link ObjectIdentity} as the store reports it in one metadata request ({@code HeadObject},
   * {@code stat}), without reading its bytes; empty when absent. The default reports none (empty), for stores that
   * cannot tell a replaced object from the original: readers then verify such stores' objects in full.
   */
  default Optional<ObjectIdentity> identity(String key) {
    return Optional.empty();
  }

  /**
   * Writes a JSON document, replacing any existing object. The store decides the trailing byte the R package would
   * write for its backend (format §2.1): local files end with LF, S3 objects have none.
   *
   * @param json the serialised document, without a trailing newline
   */
  void writeJson(String key, String json);

  /**
   * Atomically creates {@code key} from a local file unless an object already exists there.
   *
   * @return {@code true} if this call created the object, {@code false} if one was already there (it is left as is)
   */
  boolean putIfAbsent(String key, Path source);

  /**
   * The mirror document at {@code key} with the commit it mirrors and its {@link MirrorDocument#tag() tag}; empty when
   * absent. The default, for stores that cannot record a commit beside an object, reports none.
   */
  default Optional<MirrorDocument> readMirrorDocument(String key) {
    return read(key).map(bytes -> new MirrorDocument(bytes, Optional.empty(), ContentTags.sha256(bytes)));
  }

  /**
   * Replaces the mirror document at {@code key} by {@code json} (written as {@link #writeJson} writes it), recording
   * that it mirrors {@code commit}, <em>only if</em> the store still holds {@code expected} there (or, when
   * {@code expected} is empty, nothing). This compare-and-swap is what keeps the store from going backwards when a
   * stalled writer wakes up (docs/writing-core.md): {@link LocalStore} serialises it with an operating-system file
   * lock, {@link S3Store} with {@code If-Match}/{@code If-None-Match}. The default checks then writes, which does not
   * protect against a concurrent writer; stores that can do better override it.
   *
   * @return {@code true} if written, {@code false} if the document changed meanwhile (read it again and decide again)
   */
  default boolean replaceMirrorDocument(String key, String json, String commit, Optional<MirrorDocument> expected) {
    Optional<MirrorDocument> current = readMirrorDocument(key);
    if (!current.map(MirrorDocument::tag).equals(expected.map(MirrorDocument::tag))) {
      return false;
    }
    writeJson(key, json);
    return true;
  }

  /** Logical keys of every object whose key starts with {@code prefix}, in no particular order. */
  List<String> list(String prefix);

  /** Deletes an object if it exists (used for staging objects only; published objects are never deleted). */
  void delete(String key);

  /** Short human description for messages and logs, e.g. {@code s3://bucket/trial} or a local path. */
  default String describe() {
    return location().describe();
  }

  /** Releases the store's resources (an S3 client, for example). Stores holding none need not override it. */
  @Override
  default void close() {}
}
