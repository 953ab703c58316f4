package io.datom.core.hash;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of {@code column_hashes} in the metadata (format §5.2): a column name and its datom-cv1 column digest.
 *
 * @param name the column name
 * @param sha the column digest, 64 lowercase hex characters
 */
public record ColumnHash(String name, String sha) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ColumnHash {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha, "sha");
    if (!SHA256_HEX.matcher(sha).matches()) {
      throw new IllegalArgumentException(
          "The digest of column " + name + " must be 64 lowercase hex characters, not '" + sha + "'");
    }
  }
}
