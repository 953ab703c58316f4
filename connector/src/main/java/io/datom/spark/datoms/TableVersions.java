package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.datom.core.exceptions.AmbiguousVersionException;
import io.datom.core.exceptions.VersionNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The versions of a table named by a catalog identifier ({@code study.lb}), read through Spark's public surface: the
 * {@code <table>.history} metadata table for the list (one row per version, no table data), and time travel
 * ({@code VERSION AS OF}) for each version's rows.
 */
final class TableVersions {

  /** The type of a datom's {@code tx}: the version that makes the change and its provenance. */
  static final StructType TX = new StructType()
      .add("version", DataTypes.StringType)
      .add("timestamp", DataTypes.TimestampType)
      .add("author", new StructType().add("name", DataTypes.StringType).add("email", DataTypes.StringType))
      .add("message", DataTypes.StringType);

  private final SparkSession spark;
  private final String table;
  private final List<Version> oldestFirst;

  private TableVersions(SparkSession spark, String table, List<Version> oldestFirst) {
    this.spark = spark;
    this.table = table;
    this.oldestFirst = List.copyOf(oldestFirst);
  }

  /** The versions of {@code table}, from its history (a metadata read on the driver). */
  static TableVersions of(SparkSession spark, String table) {
    List<Row> newestFirst = spark.table(table + ".history")
        .select("version", "data_sha", "timestamp", "author", "message").collectAsList();
    List<Version> versions = new ArrayList<>();
    for (Row row : newestFirst) {
      Row author = row.isNullAt(3) ? null : row.getStruct(3);
      versions.add(new Version(row.getString(0), row.getString(1), row.get(2),
          author == null ? null : author.getString(0), author == null ? null : author.getString(1),
          row.getString(4)));
    }
    Collections.reverse(versions);
    return new TableVersions(spark, table, versions);
  }

  /** The table's identifier, as given. */
  String table() {
    return table;
  }

  /** The version a full {@code metadata_sha} or unique prefix names; null names the current version. */
  Version resolve(String versionOrPrefix) {
    if (versionOrPrefix == null) {
      if (oldestFirst.isEmpty()) {
        throw new VersionNotFoundException(table, "(current)");
      }
      return oldestFirst.get(oldestFirst.size() - 1);
    }
    List<Version> matches = oldestFirst.stream().filter(v -> v.version().startsWith(versionOrPrefix)).toList();
    if (matches.isEmpty() || versionOrPrefix.isEmpty()) {
      throw new VersionNotFoundException(table, versionOrPrefix);
    }
    if (matches.size() > 1) {
      throw new AmbiguousVersionException(table, versionOrPrefix, matches.stream().map(Version::version).toList());
    }
    return matches.get(0);
  }

  /** The versions from {@code from} to {@code to}, both included, oldest first. */
  List<Version> range(Version from, Version to, String fromAsGiven, String toAsGiven) {
    int first = oldestFirst.indexOf(from);
    int last = oldestFirst.indexOf(to);
    if (first > last) {
      throw new VersionRangeException(table, fromAsGiven, toAsGiven == null ? to.version() : toAsGiven);
    }
    return oldestFirst.subList(first, last + 1);
  }

  /** The first version. */
  Version first() {
    return oldestFirst.get(0);
  }

  /** The rows of {@code version}, by time travel on the catalog table ({@code VERSION AS OF}). */
  Snapshot snapshot(Version version) {
    // The identifier is known to be one: spark.table parsed it as a multipart identifier to read the history.
    return new Snapshot(label(version), spark.sql("SELECT * FROM " + table + " VERSION AS OF '"
        + version.version().replace("'", "") + "'"));
  }

  /** The state before the first version. */
  Snapshot beforeFirst() {
    return Snapshot.empty(table + " before its first version");
  }

  String label(Version version) {
    return table + " at version " + version.version();
  }

  /** One version of the table and its provenance, as its history lists it. */
  record Version(String version, String dataSha, Object timestamp, String authorName, String authorEmail,
      String message) {

    /** The version as a datom's {@code tx}: a constant struct of type {@link #TX}. */
    Column tx() {
      Column author = authorName == null && authorEmail == null
          ? lit(null).cast(TX.apply("author").dataType())
          : struct(lit(authorName).cast(DataTypes.StringType).as("name"),
              lit(authorEmail).cast(DataTypes.StringType).as("email"));
      return struct(lit(version).as("version"), lit(timestamp).cast(DataTypes.TimestampType).as("timestamp"),
          author.as("author"), lit(message).cast(DataTypes.StringType).as("message"));
    }
  }
}
