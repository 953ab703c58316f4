package io.datom.spark.options;

import io.datom.core.Parent;
import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.MalformedJsonException;
import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.List;

/**
 * Reads option {@code parents}: a JSON array of parent objects as R's {@code datom_parent()} returns them
 * ({@code source}, {@code table}, {@code version}, {@code data_sha}, optional {@code source_lineage}); a single object
 * is accepted as a one-parent array.
 */
final class ParentsOption {

  private ParentsOption() {}

  /** The parents, unvalidated (core's {@code Parent.requireValid} reports missing fields in R's words). */
  static List<Parent> parse(String text) {
    try {
      return Parent.listFromJson(text, "option " + DatomWriteOptions.PARENTS);
    } catch (MalformedJsonException e) {
      throw invalid("is not valid JSON (" + e.getMessage() + ")");
    } catch (InvalidLineageException e) {
      throw invalid(e.entry() == 0 ? "must be a JSON array of parent objects"
          : "entry " + e.entry() + " is not a JSON object");
    }
  }

  private static InvalidOptionsException invalid(String problem) {
    return new InvalidOptionsException("Option '" + DatomWriteOptions.PARENTS + "' " + problem + ". Give a JSON array "
        + "such as [{\"source\":\"STUDY_001\",\"table\":\"dm\",\"version\":\"<metadata_sha>\","
        + "\"data_sha\":\"<data_sha>\"}].", DatomWriteOptions.PARENTS);
  }
}
