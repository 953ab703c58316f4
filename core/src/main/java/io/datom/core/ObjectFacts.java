package io.datom.core;

import java.util.Optional;

/**
 * What a new version's metadata records about its parquet object.
 *
 * @param parquetSha {@code parquet_sha}, empty to omit the field (a metadata-only write over a pre-cv1 version)
 * @param sizeBytes  {@code size_bytes}, empty to omit the field
 * @param placed     the object as the {@link ParquetObject} reported it, when this write asked it to place itself
 */
record ObjectFacts(Optional<String> parquetSha, Optional<Double> sizeBytes, Optional<PlacedParquet> placed) {

  static ObjectFacts placed(PlacedParquet placed) {
    return new ObjectFacts(Optional.of(placed.parquetSha()), Optional.of((double) placed.sizeBytes()),
        Optional.of(placed));
  }

  static ObjectFacts recorded(Optional<String> parquetSha, Optional<Double> sizeBytes) {
    return new ObjectFacts(parquetSha, sizeBytes, Optional.empty());
  }
}
