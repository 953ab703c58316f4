package io.datom.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Which version of a table to read: the current one, a version by its {@code metadata_sha} or a unique prefix of it,
 * or the newest version written at or before an instant (format §7, §14.4).
 */
public sealed interface VersionSpec permits VersionSpec.Current, VersionSpec.ByVersion, VersionSpec.AsOf {

  /** The version the table's {@code metadata.json} points to. */
  static VersionSpec current() {
    return Current.INSTANCE;
  }

  /**
   * A version by its full {@code metadata_sha} or by any prefix that matches exactly one version, case-sensitively
   * and with no minimum length, as R's {@code datom_read(version =)} does.
   */
  static VersionSpec version(String versionOrPrefix) {
    return new ByVersion(versionOrPrefix);
  }

  /** The newest version whose history {@code timestamp} is at or before {@code instant}. */
  static VersionSpec asOf(Instant instant) {
    return new AsOf(instant);
  }

  /** The current version. */
  enum Current implements VersionSpec {
    INSTANCE;

    @Override
    public String toString() {
      return "current";
    }
  }

  /** A version by full sha or unique prefix; never empty. */
  record ByVersion(String prefix) implements VersionSpec {
    public ByVersion {
      Objects.requireNonNull(prefix, "version");
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("A version must not be empty: give a metadata_sha or a prefix of one.");
      }
    }

    @Override
    public String toString() {
      return "version " + prefix;
    }
  }

  /** The newest version at or before an instant. */
  record AsOf(Instant instant) implements VersionSpec {
    public AsOf {
      Objects.requireNonNull(instant, "instant");
    }

    @Override
    public String toString() {
      return "as of " + instant;
    }
  }
}
