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
 * datom-cv1 hashing of a clinical-lab table against plain SHA-256 of the very bytes cv1 hashes. {@code cv1} feeds
 * the table through the public API the way a write path would: one pass over the rows for the typed columns and the
 * string null masks, then a second pass for the string values (as UTF-8 bytes). {@code rawSha256} hashes the
 * pre-encoded payloads of the same columns in 64 KiB chunks and combines them the same way. Both return the same
 * {@code data_sha} (checked in setup), so their time ratio is cv1's throughput as a share of SHA-256's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
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

  /** Row-wise feeding: one call per value, as an engine handing over rows would. */
  @Benchmark
  public String cv1PerValue() {
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
    for (int r = 0; r < t.rows; r++) {
      usubjid.mask(t.usubjid.nulls()[r]);
      lbtestcd.mask(t.lbtestcd.nulls()[r]);
      lborres.mask(t.lborres.nulls()[r]);
      if (t.avalNull[r]) {
        aval.addNull();
      } else {
        aval.addDouble(t.aval[r]);
      }
      if (t.avisitnNull[r]) {
        avisitn.addNull();
      } else {
        avisitn.addInt(t.avisitn[r]);
      }
      if (t.adtNull[r]) {
        adt.addNull();
      } else {
        adt.addEpochDay(t.adt[r]);
      }
      if (t.adtmNull[r]) {
        adtm.addNull();
      } else {
        adtm.addEpochMicros(t.adtm[r]);
      }
      if (t.anl01flNull[r]) {
        anl01fl.addNull();
      } else {
        anl01fl.addBoolean(t.anl01fl[r]);
      }
    }
    usubjid.endMask();
    lbtestcd.endMask();
    lborres.endMask();
    for (int r = 0; r < t.rows; r++) {
      addValue(usubjid, t.usubjid, r);
      addValue(lbtestcd, t.lbtestcd, r);
      addValue(lborres, t.lborres, r);
    }
    return hasher.finish().dataSha();
  }

  private static void addValue(StringColumnHasher hasher, LabTable.Strings column, int row) {
    if (column.nulls()[row]) {
      hasher.addNull();
    } else {
      hasher.addValue(column.bytes(), column.offsets()[row], column.offsets()[row + 1] - column.offsets()[row]);
    }
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
