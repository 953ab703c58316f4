package io.datom.spark.write;

import io.datom.core.BaseVersion;
import io.datom.core.Parent;
import io.datom.core.TableWrite;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The parts of core's pending write that come from the write's options, read (and so checked) before any job runs.
 *
 * @param message the commit message, if given
 * @param custom the custom metadata fields, if any, in key order
 */
record WriteRequestOptions(Optional<String> message, Optional<SortedMap<String, String>> custom) {

  static WriteRequestOptions of(DatomWriteConf conf) {
    return new WriteRequestOptions(conf.message(), conf.customMetadata());
  }

  /**
   * {@code write} with these options applied.
   *
   * @param base the version the rows were computed from (an append's), which must still be current at commit
   */
  TableWrite applyTo(TableWrite write, Optional<List<Parent>> parents, Optional<BaseVersion> base) {
    base.ifPresent(write::basedOn);
    message.ifPresent(write::message);
    custom.ifPresent(write::customMetadata);
    parents.ifPresent(write::parents);
    return write;
  }
}
