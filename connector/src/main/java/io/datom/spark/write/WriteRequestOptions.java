package io.datom.spark.write;

import io.datom.core.internal.format.Parent;
import io.datom.core.hash.TableHash;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.BaseVersion;
import io.datom.core.ParquetObject;
import io.datom.core.WriteRequest;
import java.util.List;
import java.util.Optional;

/**
 * The parts of core's write request that come from the write's options, read (and so checked) before any job runs.
 *
 * @param message the commit message, if given
 * @param custom the custom metadata, if any
 */
record WriteRequestOptions(Optional<String> message, Optional<JsonObject> custom) {

  static WriteRequestOptions of(DatomWriteConf conf) {
    return new WriteRequestOptions(conf.message(), conf.customMetadata());
  }

  /**
   * The request for a version of {@code table}.
   *
   * @param base the version the rows were computed from (an append's), which must still be current at commit
   */
  WriteRequest build(String table, TableHash hash, ParquetObject data, Optional<List<Parent>> parents,
      Optional<BaseVersion> base) {
    WriteRequest.Builder request = WriteRequest.builder(table, hash, data);
    base.ifPresent(request::basedOn);
    message.ifPresent(request::message);
    custom.ifPresent(request::customMetadata);
    parents.ifPresent(request::parents);
    return request.build();
  }
}
