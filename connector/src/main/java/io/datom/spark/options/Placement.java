package io.datom.spark.options;

import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.network.util.JavaUtils;

/**
 * How a write places a new version's object on an object store ({@link DatomWriteOptions#PLACEMENT_CONF},
 * {@link DatomWriteOptions#PLACEMENT_PART_SIZE_CONF}).
 *
 * @param parallel whether many tasks upload the object in parts; {@code false} has one task write it whole
 * @param partSize the size of every uploaded part but the last
 */
public record Placement(boolean parallel, long partSize) {

  /** S3's smallest part (all but the last). */
  public static final long MIN_PART_SIZE = 5L << 20;

  /** The part size unless the session sets one. */
  public static final long DEFAULT_PART_SIZE = 64L << 20;

  /** Parallel, in parts of {@link #DEFAULT_PART_SIZE}. */
  public static final Placement DEFAULT = new Placement(true, DEFAULT_PART_SIZE);

  public Placement {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + " bytes, was " + partSize);
    }
  }

  /**
   * The placement the session's settings ask for.
   *
   * @throws InvalidOptionsException naming the setting, if a value is malformed
   */
  static Placement parse(Optional<String> mode, Optional<String> partSize) {
    boolean parallel = mode.map(m -> switch (m.trim().toLowerCase(Locale.ROOT)) {
      case "parallel" -> true;
      case "single" -> false;
      default -> throw new InvalidOptionsException(DatomWriteOptions.PLACEMENT_CONF + " must be 'parallel' or "
          + "'single', got '" + m + "'.", DatomWriteOptions.PLACEMENT_CONF);
    }).orElse(true);
    long size = DEFAULT_PART_SIZE;
    if (partSize.isPresent()) {
      try {
        size = JavaUtils.byteStringAsBytes(partSize.get());
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < MIN_PART_SIZE) {
        throw new InvalidOptionsException(DatomWriteOptions.PLACEMENT_PART_SIZE_CONF + " must be a size of at least "
            + "5m (S3's smallest part), such as 64m or 1g, got '" + partSize.get() + "'.",
            DatomWriteOptions.PLACEMENT_PART_SIZE_CONF);
      }
    }
    return new Placement(parallel, size);
  }
}
