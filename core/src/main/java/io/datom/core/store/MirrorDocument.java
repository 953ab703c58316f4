package io.datom.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A JSON document of a project's store mirror ({@code metadata.json}, {@code version_history.json}, the manifest) as
 * the store holds it, with what a writer needs to replace it only by a newer state.
 *
 * @param bytes  the stored bytes
 * @param commit the data-repository commit whose state this document mirrors, when the writer that stored it said so
 *               and the document has not been replaced since by one that did not (R's writers record none)
 * @param tag    what {@link Store#replaceMirrorDocument} compares to tell that the document is still this one: an
 *               S3 ETag, or a digest of the bytes and the stamp
 */
public record MirrorDocument(byte[] bytes, Optional<String> commit, String tag) {

  public MirrorDocument {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(tag, "tag");
  }
}
