package io.datom.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * datom-cv1 hashing of a clinical-lab table ({@link LabTable}) against plain SHA-256 of the very bytes cv1 hashes.
 *
 * <ul>
 *   <li>{@code cv1}: the table fed through the public API column-wise, in runs of 4096 rows (the run methods), as an
 *       engine holding column vectors would: null masks and typed columns in a first pass, string values (packed
 *       UTF-8) in a second.
 *   <li>{@code cv1PerValue}: the same, one call per value in row order, as an engine handing over rows would.
 *   <li>{@code rawSha256}: SHA-256 of the pre-encoded column payloads (64 KiB chunks), combined into
 *       {@code data_sha} the same way.
 * </ul>
 *
 * All three give the same {@code data_sha} (checked in setup), so the ratio of their times is cv1's throughput as a
 * share of SHA-256's over the same payload bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class Cv1HashBenchmark {

  /** Rows per batch in columnar feeding: Spark's default columnar batch size. */
  private static final int BATCH = 4096;

  @Param("10000000")
  public int rows;

  private LabTable table;
  private List<List<byte[]>> payloads;

  @Setup
  public void setUp() {
    table = new LabTable(rows, 20_240_601L);
    payloads = RawPayloads.of(table);
    long bytes = payloads.stream().flatMap(List::stream).mapToLong(chunk -> chunk.length).sum();
    String cv1 = cv1();
    String raw = rawSha256();
    String perValue = cv1PerValue();
    if (!cv1.equals(raw) || !perValue.equals(raw)) {
      throw new IllegalStateException(
          "cv1 gave " + cv1 + " (" + perValue + " per value) but SHA-256 of the payloads gave " + raw);
    }
    System.out.printf("%n%d rows, %d payload bytes hashed per operation, data_sha %s%n", rows, bytes, cv1);
  }

  /** Columnar feeding: the run methods over batches of rows, as an engine holding column vectors would. */
  @Benchmark
  public String cv1() {
    LabTable t = table;
    TableHasher hasher = TableHasher.forColumns(LabTable.COLUMNS);
    StringColumnHasher usubjid = hasher.stringColumn(0);
    StringColumnHasher lbtestcd = hasher.stringColumn(1);
    StringColumnHasher lborres = hasher.stringColumn(2);
    TypedColumnHasher aval = hasher.column(3);
    TypedColumnHasher avisitn = hasher.column(4);
    TypedColumnHasher adt = hasher.column(5);
    TypedColumnHasher adtm = hasher.column(6);
    TypedColumnHasher anl01fl = hasher.column(7);
    for (int from = 0; from < t.rows; from += BATCH) {
      int n = Math.min(BATCH, t.rows - from);
      usubjid.mask(t.usubjid.nulls(), from, n);
      lbtestcd.mask(t.lbtestcd.nulls(), from, n);
      lborres.mask(t.lborres.nulls(), from, n);
      aval.addDoubles(t.aval, t.avalNull, from, n);
      avisitn.addInts(t.avisitn, t.avisitnNull, from, n);
      adt.addEpochDays(t.adt, t.adtNull, from, n);
      adtm.addEpochMicros(t.adtm, t.adtmNull, from, n);
      anl01fl.addBooleans(t.anl01fl, t.anl01flNull, from, n);
    }
    usubjid.endMask();
    lbtestcd.endMask();
    lborres.endMask();
    for (int from = 0; from < t.rows; from += BATCH) {
      int to = Math.min(t.rows, from + BATCH);
      usubjid.addValues(t.usubjid.bytes(), t.usubjid.offsets(), t.usubjid.nulls(), from, to);
      lbtestcd.addValues(t.lbtestcd.bytes(), t.lbtestcd.offsets(), t.lbtestcd.nulls(), from, to);
      lborres.addValues(t.lborres.bytes(), t.lborres.offsets(), t.lborres.nulls(), from, to);
    }
    return hasher.finish().dataSha();
  }

  /**
   * Row-wise feeding: one call per value, in row order, through one small feeder per column, as a connector handing
   * over rows would (a first pass for the typed columns and the null masks, a second for the string values).
   */
  @Benchmark
  public String cv1PerValue() {
    LabTable t = table;
    TableHasher hasher = TableHasher.forColumns(LabTable.COLUMNS);
    StringColumnHasher[] strings = {hasher.stringColumn(0), hasher.stringColumn(1), hasher.stringColumn(2)};
    LabTable.Strings[] stringData = {t.usubjid, t.lbtestcd, t.lborres};
    TypedColumnHasher aval = hasher.column(3);
    TypedColumnHasher avisitn = hasher.column(4);
    TypedColumnHasher adt = hasher.column(5);
    TypedColumnHasher adtm = hasher.column(6);
    TypedColumnHasher anl01fl = hasher.column(7);
    RowFeeder[] firstPass = {
      r -> strings[0].mask(t.usubjid.nulls()[r]),
      r -> strings[1].mask(t.lbtestcd.nulls()[r]),
      r -> strings[2].mask(t.lborres.nulls()[r]),
      r -> {
        if (t.avalNull[r]) {
          aval.addNull();
        } else {
          aval.addDouble(t.aval[r]);
        }
      },
      r -> {
        if (t.avisitnNull[r]) {
          avisitn.addNull();
        } else {
          avisitn.addInt(t.avisitn[r]);
        }
      },
      r -> {
        if (t.adtNull[r]) {
          adt.addNull();
        } else {
          adt.addEpochDay(t.adt[r]);
        }
      },
      r -> {
        if (t.adtmNull[r]) {
          adtm.addNull();
        } else {
          adtm.addEpochMicros(t.adtm[r]);
        }
      },
      r -> {
        if (t.anl01flNull[r]) {
          anl01fl.addNull();
        } else {
          anl01fl.addBoolean(t.anl01fl[r]);
        }
      }
    };
    for (int r = 0; r < t.rows; r++) {
      for (RowFeeder feeder : firstPass) {
        feeder.feed(r);
      }
    }
    for (StringColumnHasher column : strings) {
      column.endMask();
    }
    for (int r = 0; r < t.rows; r++) {
      for (int c = 0; c < strings.length; c++) {
        LabTable.Strings data = stringData[c];
        if (data.nulls()[r]) {
          strings[c].addNull();
        } else {
          strings[c].addValue(data.bytes(), data.offsets()[r], data.offsets()[r + 1] - data.offsets()[r]);
        }
      }
    }
    return hasher.finish().dataSha();
  }

  /** Feeds one column's value of a row to its hasher. */
  private interface RowFeeder {
    void feed(int row);
  }

  @Benchmark
  public String rawSha256() {
    List<ColumnHash> columns = new ArrayList<>(payloads.size());
    for (int c = 0; c < payloads.size(); c++) {
      MessageDigest digest = sha256();
      for (byte[] chunk : payloads.get(c)) {
        digest.update(chunk, 0, chunk.length);
      }
      columns.add(new ColumnHash(LabTable.COLUMNS.get(c).name(), HexFormat.of().formatHex(digest.digest())));
    }
    return TableHash.ofColumnHashes(rows, columns).dataSha();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
