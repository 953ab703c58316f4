package io.datom.spark.landing;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.date.OutputDateType;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A SAS data set file ({@code .sas7bdat}) read sequentially with EPAM's parso (Apache-2.0, shaded into the runtime
 * jar). Strings are decoded with the file's own encoding and lose their trailing blanks; numbers come as the stored
 * doubles (dates and datetimes too, as SAS values: {@link SasValueKind} converts them), so that parso's own date
 * conversion (through {@code java.util.Date}, whose calendar is Julian before 1582) never applies.
 */
public final class Sas7bdatFile implements SasFile {

  private final InputStream in;
  private final String source;
  private final SasFileReader reader;
  private final List<SasColumn> columns;

  private Sas7bdatFile(InputStream in, String source, SasFileReader reader, List<SasColumn> columns) {
    this.in = in;
    this.source = source;
    this.reader = reader;
    this.columns = columns;
  }

  /**
   * Reads the header of the {@code .sas7bdat} file {@code in} (named {@code source} in messages).
   *
   * @throws SasFormatException if it is not a readable {@code .sas7bdat} file
   */
  public static Sas7bdatFile open(InputStream in, String source) {
    SasFileReader reader;
    List<Column> parsoColumns;
    try {
      reader = new SasFileReaderImpl(in, null, OutputDateType.SAS_VALUE);
      parsoColumns = reader.getColumns();
    } catch (RuntimeException e) {
      throw new SasFormatException(source + " could not be read as a SAS data set (.sas7bdat): " + e.getMessage(), e);
    }
    if (parsoColumns == null || parsoColumns.isEmpty()) {
      throw new SasFormatException(source + " is not a SAS data set (.sas7bdat) with variables: parso found none.");
    }
    List<SasColumn> columns = parsoColumns.stream().map(c -> new SasColumn(c.getName(),
        Number.class.isAssignableFrom(c.getType()), c.getLength(),
        c.getFormat() == null || c.getFormat().getName() == null ? "" : c.getFormat().getName())).toList();
    return new Sas7bdatFile(in, source, reader, columns);
  }

  @Override
  public List<SasColumn> columns() {
    return columns;
  }

  @Override
  public Object[] next() throws IOException {
    Object[] row;
    try {
      row = reader.readNext();
    } catch (RuntimeException e) {
      throw new SasFormatException(source + " could not be read past its header as a SAS data set (.sas7bdat): "
          + e.getClass().getSimpleName(), e);
    }
    if (row == null) {
      return null;
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = i < row.length ? row[i] : null;
      if (value instanceof Number number) {
        // parso gives a SAS missing value as NaN (SAS itself has no NaN).
        values[i] = Double.isNaN(number.doubleValue()) ? null : number.doubleValue();
      } else if (value instanceof String text) {
        values[i] = text.stripTrailing();
      } else if (value instanceof byte[] bytes) {
        values[i] = XptFile.decode(bytes, 0, bytes.length);
      } else {
        values[i] = null;
      }
    }
    return values;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
