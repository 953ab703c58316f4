package io.datom.spark.write;

import io.datom.core.DatomProject;
import io.datom.core.ManifestTable;
import io.datom.core.WriteResult;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.store.HadoopStore;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Tables imported from files into one project, each written as R's {@code datom_sync} writes it (format §8): through
 * the same write path as any Spark write (parts, hash, core's protocol), with {@code table_type} {@code imported}, the
 * file's sha and format, the self-lineage core adds for imports, the message {@code Sync {name} ({status})} and no
 * parents. The project is opened once, before the first import, and closed with this object.
 */
public final class ImportWrites implements AutoCloseable {

  private final HadoopStore store;
  private final WriteSettings conf;
  private final ProjectWriter project;

  private ImportWrites(HadoopStore store, WriteSettings conf, ProjectWriter project) {
    this.store = store;
    this.conf = conf;
    this.project = project;
  }

  /**
   * Opens the project in {@code store} named by {@code conf} (its remote, credentials, author), or prepares to create
   * it when the remote is empty and {@code conf} names a project.
   */
  public static ImportWrites connect(SparkSession spark, HadoopStore store, WriteSettings conf) {
    return new ImportWrites(store, conf, SparkTableWrite.connect(spark, store, conf));
  }

  /**
   * The project's manifest entries (format §3.3), as of its remote's latest commit (opening the project brought the
   * store level with it); none for a project still to be created.
   */
  public List<ManifestTable> manifestTables() {
    return project.exists() ? DatomProject.open(store).manifestTables() : List.of();
  }

  /**
   * Writes {@code rows} (in their order) as the new version of {@code table}, imported from a file.
   *
   * @param fileSha the sha256 hex of the file's bytes
   * @param format the file's extension as found
   * @param status why it is imported, {@code new} or {@code changed}: the message is {@code Sync {table} ({status})}
   */
  public WriteResult write(String table, Dataset<Row> rows, String fileSha, String format, String status) {
    Objects.requireNonNull(fileSha, "fileSha");
    Objects.requireNonNull(format, "format");
    String message = "Sync " + table + " (" + status + ")";
    SparkTableWrite write =
        new SparkTableWrite(new WriteTarget(store, table, CaseInsensitiveStringMap.empty()), WriteMode.OVERWRITE, conf);
    return write.run(rows, project, (version, parents, base) -> version.imported(fileSha, format).message(message));
  }

  @Override
  public void close() {
    project.close();
  }
}
