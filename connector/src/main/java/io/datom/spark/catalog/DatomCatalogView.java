package io.datom.spark.catalog;

import io.datom.spark.store.HadoopStore;
import java.util.Optional;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** What the connector asks of a configured {@code DatomCatalog}: the project it serves and its settings. */
public interface DatomCatalogView {

  /** The store of a single-project catalog; empty for a portfolio or path catalog, which serve many projects. */
  Optional<HadoopStore> projectStore();

  /** The catalog's options ({@code spark.sql.catalog.<name>.*}), which writes and validation fall back on. */
  CaseInsensitiveStringMap options();
}
