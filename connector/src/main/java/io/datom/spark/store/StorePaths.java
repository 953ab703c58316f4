package io.datom.spark.store;

import io.datom.core.store.StoreLocation;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/** Converts a store location as datom records it ({@code ref.json}, {@code project.yaml}) to a Hadoop path. */
public final class StorePaths {

  private StorePaths() {}

  /**
   * The Hadoop path of a location: {@code {s3Scheme}://{bucket}/{prefix}} for S3 (the scheme is usually {@code s3a};
   * {@code s3} on clusters whose S3 filesystem is registered under that name) and {@code file:{root}/{prefix}} for
   * local roots, or empty for a store type datom does not know. The S3 region is not part of the path: configure it
   * the Hadoop way ({@code fs.s3a.*}).
   */
  public static Optional<String> hadoopPath(StoreLocation location, String s3Scheme) {
    // The key builder of format §1.4: leading and trailing slashes of the prefix do not matter.
    String prefix = location.normalizedPrefix().map(p -> p.replaceAll("^/+|/+$", "")).filter(p -> !p.isEmpty())
        .map(p -> "/" + p).orElse("");
    return switch (location.type()) {
      case StoreLocation.S3 -> Optional.of(s3Scheme + "://" + location.root() + prefix);
      case StoreLocation.LOCAL -> Optional.of(new Path("file", null, location.root() + prefix).toString());
      default -> Optional.empty();
    };
  }
}
