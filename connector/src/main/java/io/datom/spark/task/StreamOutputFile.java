package io.datom.spark.task;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A parquet output file that is one stream, created once: no block size, and overwriting is creating. What parquet's
 * {@link OutputFile} asks beyond {@link #create(long)}, for the outputs that are not files.
 */
abstract class StreamOutputFile implements OutputFile {

  /** The stream, opened once; neither output here fails to open. */
  @Override
  public abstract PositionOutputStream create(long blockSizeHint);

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }
}
