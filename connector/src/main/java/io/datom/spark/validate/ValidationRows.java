package io.datom.spark.validate;

import io.datom.core.Discrepancy;
import io.datom.core.DiscrepancyKind;
import io.datom.core.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link ValidationReport} as rows a data manager can read: one per discrepancy, saying what is wrong, where, what
 * readers see because of it, and what was or can be done; or a single {@value #OK} row when the store agrees with git.
 */
final class ValidationRows {

  /** Status of the one row of a project whose store agrees with git. */
  static final String OK = "ok";
  /** Status of a discrepancy found by a validation that was not asked to repair. */
  static final String FOUND = "found";
  /** Status of a discrepancy the repair removed. */
  static final String REPAIRED = "repaired";
  /** Status of a discrepancy still there after a repair was asked for. */
  static final String REMAINING = "remaining";
  /** Status of an object no version refers to: listed for the owner to judge, never deleted by datom. */
  static final String LISTED = "listed";
  /** The kind of an object no version refers to. */
  static final String UNREFERENCED_OBJECT = "unreferenced_object";

  /** project, commit, kind, table_name, store_key, repairable, status, detail. */
  static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("project", DataTypes.StringType, false),
      DataTypes.createStructField("commit", DataTypes.StringType, false),
      DataTypes.createStructField("kind", DataTypes.StringType, true),
      DataTypes.createStructField("table_name", DataTypes.StringType, true),
      DataTypes.createStructField("store_key", DataTypes.StringType, true),
      DataTypes.createStructField("repairable", DataTypes.BooleanType, true),
      DataTypes.createStructField("status", DataTypes.StringType, false),
      DataTypes.createStructField("detail", DataTypes.StringType, false)});

  private ValidationRows() {}

  /**
   * The report's rows: the discrepancies found (in the report's order), then any the repair left that were not found,
   * or the {@value #OK} row if there are none; then the objects no version refers to, which do not make a project
   * invalid.
   */
  static List<Row> of(ValidationReport report, boolean fixRequested) {
    Set<Discrepancy> discrepancies = new LinkedHashSet<>(report.found());
    discrepancies.addAll(report.remaining());
    List<Row> rows = new ArrayList<>();
    if (discrepancies.isEmpty()) {
      rows.add(RowFactory.create(report.projectName(), report.commit(), null, null, null, null, OK,
          "The store agrees with git at commit " + report.commit() + ": the manifest, and every table's current "
              + "metadata, history and objects."));
    }
    for (Discrepancy d : discrepancies) {
      String status = !fixRequested ? FOUND : report.remaining().contains(d) ? REMAINING : REPAIRED;
      rows.add(RowFactory.create(report.projectName(), report.commit(), d.kind().name().toLowerCase(Locale.ROOT),
          d.table().orElse(null), d.key(), d.kind().repairable(), status, detail(d, status)));
    }
    for (String key : report.unreferencedObjects()) {
      String table = key.substring(0, Math.max(key.indexOf('/'), 0));
      rows.add(RowFactory.create(report.projectName(), report.commit(), UNREFERENCED_OBJECT, table, key, false,
          LISTED, "No version of table " + table + " refers to this object: a write left it that was refused or "
              + "died before its push. datom never deletes it (a write in progress may be about to refer to it); "
              + "delete it by hand if no one needs it and no write of the table is running."));
    }
    return rows;
  }

  private static String detail(Discrepancy d, String status) {
    String what = what(d);
    if (d.kind() == DiscrepancyKind.PARQUET_MISSING || d.kind() == DiscrepancyKind.PARQUET_SIZE_DIFFERS) {
      return what + " Git holds no data, so no repair can restore it: restore the object from a backup, or write "
          + "that version's rows again (an overwrite of the table works whatever the damage).";
    }
    if (!d.kind().repairable()) {
      return what;
    }
    return what + switch (status) {
      case REPAIRED -> " Repaired: re-mirrored from git.";
      case REMAINING -> " Still there after the repair, most likely because other writers pushed meanwhile: "
          + "validate again.";
      default -> " Validate with fix = true to re-mirror it from git.";
    };
  }

  /** What is wrong, and what readers see because of it. */
  private static String what(Discrepancy d) {
    String table = d.table().orElse("");
    return switch (d.kind()) {
      case MANIFEST_MISSING -> "The store has no project manifest: readers cannot open the project.";
      case MANIFEST_DIFFERS -> "The store's manifest is not git's: readers may list other tables or current versions.";
      case METADATA_MISSING -> "The store has no current metadata of table " + table + ": readers cannot read it.";
      case METADATA_DIFFERS -> "The store's current metadata of table " + table + " is not git's: readers see "
          + "another current version than git, and appends to the table are refused.";
      case HISTORY_MISSING -> "The store has no version history of table " + table + ": reads by version fail.";
      case HISTORY_DIFFERS -> "The store's version history of table " + table + " is not git's: reads by version "
          + "or as of an instant may miss versions.";
      case SNAPSHOT_MISSING -> "The store lacks the metadata snapshot of the current version of table " + table + ".";
      case SNAPSHOT_DIFFERS -> "The store's metadata snapshot of the current version of table " + table
          + " is not git's.";
      case PARQUET_MISSING -> "A version of table " + table + " refers to an object the store does not have: that "
          + "version cannot be read.";
      case PARQUET_SIZE_DIFFERS -> "The object of the current version of table " + table + " is not the size its"
          + " metadata records: it was truncated or replaced, and reads fail its integrity check.";
      // Kinds core may add later are still listed, in core's words.
      default -> "The store disagrees with git: " + d + ".";
    };
  }
}
