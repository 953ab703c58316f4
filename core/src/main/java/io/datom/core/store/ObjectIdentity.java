package io.datom.core.store;

import java.util.Objects;

/**
 * What a store reports about an object without reading its bytes, and which changes when the object is replaced or
 * rewritten: its size plus a store-specific {@code tag}. S3 stores report the ETag ({@code etag=...}), which S3 derives
 * from the object's content (or, encrypted with KMS, assigns anew on every write). File stores report the
 * modification time in milliseconds ({@code mtime=...}), which a rewrite changes unless whoever rewrites it restores
 * the old time on purpose, and which bit rot below the file system does not change at all.
 *
 * @param size bytes of the object
 * @param tag  the store-specific part, never blank
 */
public record ObjectIdentity(long size, String tag) {

  public ObjectIdentity {
    Objects.requireNonNull(tag, "tag");
    if (size < 0 || tag.isBlank()) {
      throw new IllegalArgumentException("An object identity needs a size >= 0 and a non-blank tag.");
    }
  }

  /** An S3 object's identity: its size and its ETag, without the quotes some clients keep around it. */
  public static ObjectIdentity ofEtag(long size, String etag) {
    return new ObjectIdentity(size, "etag=" + etag.replace("\"", ""));
  }

  /** A file's identity: its size and its modification time in milliseconds since the epoch. */
  public static ObjectIdentity ofModificationTime(long size, long modifiedMillis) {
    return new ObjectIdentity(size, "mtime=" + modifiedMillis);
  }
}
