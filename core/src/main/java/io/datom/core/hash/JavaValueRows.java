package io.datom.core.hash;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Hashes a table given as rows of Java values (see {@link TableHash#ofRows}), one column at a time. */
final class JavaValueRows {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int NANOS_PER_MICRO = 1_000;

  private JavaValueRows() {}

  static TableHash hash(List<ColumnSpec> columns, List<? extends List<?>> rows) {
    TableHasher table = TableHasher.forColumns(columns);
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).size() != columns.size()) {
        throw new IllegalArgumentException(
            "Row " + (r + 1) + " has " + rows.get(r).size() + " values for " + columns.size() + " columns");
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).type().kind() == ColumnType.Kind.STRING) {
        feedStrings(table.stringColumn(c), c, rows);
      } else {
        TypedColumnHasher hasher = table.column(c);
        for (int r = 0; r < rows.size(); r++) {
          feed(hasher, rows.get(r).get(c), r);
        }
      }
    }
    return table.finish();
  }

  private static void feedStrings(StringColumnHasher hasher, int column, List<? extends List<?>> rows) {
    for (List<?> row : rows) {
      hasher.mask(row.get(column) == null);
    }
    hasher.endMask();
    for (int r = 0; r < rows.size(); r++) {
      hasher.addValue(as(String.class, rows.get(r).get(column), hasher.name(), r));
    }
  }

  private static void feed(TypedColumnHasher hasher, Object value, int row) {
    if (value == null) {
      hasher.addNull();
      return;
    }
    String name = hasher.name();
    switch (hasher.spec().type().kind()) {
      case BOOLEAN -> hasher.addBoolean(as(Boolean.class, value, name, row));
      case BYTE -> hasher.addInt(as(Byte.class, value, name, row));
      case SHORT -> hasher.addInt(as(Short.class, value, name, row));
      case INT -> hasher.addInt(as(Integer.class, value, name, row));
      case LONG -> hasher.addLong(as(Long.class, value, name, row));
      case FLOAT -> hasher.addFloat(as(Float.class, value, name, row));
      case DOUBLE -> hasher.addDouble(as(Double.class, value, name, row));
      case DECIMAL -> hasher.addDecimal(as(BigDecimal.class, value, name, row));
      case DATE -> hasher.addEpochDay(Math.toIntExact(as(LocalDate.class, value, name, row).toEpochDay()));
      case TIMESTAMP -> hasher.addEpochMicros(micros(as(Instant.class, value, name, row)));
      case TIMESTAMP_NTZ -> hasher.addEpochMicros(micros(as(LocalDateTime.class, value, name, row)
          .toInstant(ZoneOffset.UTC)));
      case STRING, UNSUPPORTED -> throw new IllegalStateException("Not a typed column: " + hasher.spec());
    }
  }

  /** Microseconds since the epoch, truncating any finer digits, as Spark stores an {@link Instant}. */
  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / NANOS_PER_MICRO);
  }

  private static <T> T as(Class<T> type, Object value, String column, int row) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalArgumentException("Row " + (row + 1) + " of column " + column + " holds a "
        + value.getClass().getSimpleName() + "; this column takes " + type.getSimpleName() + " values");
  }
}
