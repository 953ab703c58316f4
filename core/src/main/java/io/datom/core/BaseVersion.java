package io.datom.core;

import io.datom.core.exceptions.TableChangedException;
import io.datom.core.internal.format.TableMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * The version a write was computed from, such as the version an append adds rows to. A request based on a version
 * lands only if that version is still the table's current one when the write commits (checked against the freshly
 * fetched data repo, on every attempt); otherwise it is refused with {@link TableChangedException} and nothing is
 * recorded, so a concurrent writer's version is never silently replaced by one that does not include it.
 *
 * @param version the {@code metadata_sha} that must be current, or empty if the table must have no version yet
 */
public record BaseVersion(Optional<String> version) {

  public BaseVersion {
    Objects.requireNonNull(version, "version");
  }

  /** The write was computed from {@code metadataSha}, which must still be current. */
  public static BaseVersion of(String metadataSha) {
    return new BaseVersion(Optional.of(metadataSha));
  }

  /** The write was computed for a table with no version, which must still have none. */
  public static BaseVersion newTable() {
    return new BaseVersion(Optional.empty());
  }

  /**
   * Checks that {@code current} is this base.
   *
   * @throws TableChangedException if the table's current version is another one
   */
  void requireCurrent(String table, Optional<TableMetadata> current) {
    Optional<String> now = current.map(TableMetadata::version);
    if (!now.equals(version)) {
      throw new TableChangedException(table, version, now);
    }
  }
}
