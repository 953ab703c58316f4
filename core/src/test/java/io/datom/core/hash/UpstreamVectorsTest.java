package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of format §12.1 (pinned by the R package's tests) and §12.2 (computed with its code). */
class UpstreamVectorsTest {

  private static final ColumnSpec X_DOUBLE = ColumnSpec.of("x", "double");
  private static final ColumnSpec X_STRING = ColumnSpec.of("x", "string");
  private static final ColumnSpec X_DATE = ColumnSpec.of("x", "date");
  private static final ColumnSpec X_TIMESTAMP = ColumnSpec.of("x", "timestamp");

  private static final double[] GOLDEN_NUMERIC = {
    0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3, Math.pow(2, 999), -Math.pow(2, -999), Double.MAX_VALUE,
    -Double.MIN_NORMAL, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN /* NA */, Double.NaN
  };
  private static final int NA_INDEX = 12;
  private static final String[] GOLDEN_NUMERIC_BYTES = {
    "0000000000000000", "0000000000000000", "000000000000f03f", "000000000000f0bf", "9a9999999999b93f",
    "555555555555d53f", "000000000000607e", "0000000000008081", "ffffffffffffef7f", "0000000000001080",
    "000000000000f07f", "000000000000f0ff", "a20700000000f07f", "000000000000f87f"
  };

  @Test
  void nistAbc() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hashHex("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void goldenNumeric() {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    for (int i = 0; i < GOLDEN_NUMERIC.length; i++) {
      if (i == NA_INDEX) {
        x.addNa();
      } else {
        x.add(GOLDEN_NUMERIC[i]);
      }
    }
    ColumnHash column = x.finish();

    assertEquals("050d620ab1e57453b32da5d458994eb25e8c77bba6c0eb58893a7cea3960dec3", dataSha(14, column));
    byte[] pinnedPayload = HexFormat.of().parseHex(String.join("", GOLDEN_NUMERIC_BYTES));
    assertEquals(Sha256.hashHex(ascii("num"), ascii("x"), new byte[] {0}, pinnedPayload), column.sha());
  }

  @Test
  void everyNanEncodesAsTheCanonicalNan() {
    double zero = 0.0;
    double inf = Double.POSITIVE_INFINITY;
    String canonical = hashDoubles(Double.NaN);

    assertEquals(canonical, hashDoubles(zero / zero));
    assertEquals(canonical, hashDoubles(-(zero / zero)));
    assertEquals(canonical, hashDoubles(inf - inf));
  }

  @Test
  void goldenMixed() {
    TableHash hash = TableHash.ofRows(
        List.of(ColumnSpec.of("n", "int"), ColumnSpec.of("s", "string"), ColumnSpec.of("f", "string"),
            ColumnSpec.of("d", "date"), ColumnSpec.of("t", "timestamp")),
        List.of(
            Arrays.asList(1, "a", "x", LocalDate.parse("2026-01-01"), Instant.parse("2026-01-02T03:04:05Z")),
            Arrays.asList(null, null, "y", null, null),
            Arrays.asList(3, "", "x", LocalDate.parse("2026-12-31"), Instant.parse("1999-12-31T23:59:59Z"))));

    assertEquals("47c94f30e2214c7917cfca976960a475825afd710dd12e6cb003cff82fb41db2", hash.dataSha());
    assertEquals(List.of(
        new ColumnHash("n", "88753aa701fe19a4d7931ae0bab5fbf0982115356598338361d17d547fdd3f4e"),
        new ColumnHash("s", "121c94ffc706b9572dbb21fcc5265be012f4b3a5632ebc7aac644081dfc387eb"),
        new ColumnHash("f", "9cb670a54153783917805f0d9212963e66ca922a7b6674aded67d9166e343a49"),
        new ColumnHash("d", "2b8c894e4846d4e323bc2f253c5c2d587b17b0c60924452a68ffe10f7188a368"),
        new ColumnHash("t", "e85ad42bebc38e828d0d2e341780b3507ac49a707dfc14304c9c9190d7ae8120")),
        hash.columnHashes());
  }

  @Test
  void characterFactorDateAndTime() {
    assertEquals("15ceda31e3f254bd4b7d1afa2150150dff971bb0c5943bb6fd3d90d4a9bd8c7c",
        oneColumn(X_STRING, "a", null, "", "z"));
    assertEquals("6abf705c3eb90ba047825cdad70d71f849d4ebdd5c90dc70de5bba408ba57d19",
        oneColumn(X_STRING, "x", "y", "x"));
    assertEquals("2ce0b61a4f6474d237c3256d3e612117dfcc53e5cc67971e25ddabfe4d80c72f",
        oneColumn(X_DATE, LocalDate.parse("2026-01-01"), null, LocalDate.parse("2026-12-31")));
    assertEquals("831c7afaa61d61d6f02880aa320e8320dd09cec0957f85ab4a523da113db030f",
        oneColumn(X_TIMESTAMP, Instant.parse("2026-01-02T03:04:05Z"), null));
  }

  @Test
  void durations() {
    assertEquals("c1715086d34ee59c646b85d33ae3b79c022963f342f12f2b32109b7637c6917c", duration("secs", 60, 120));
    assertEquals("ba023d90c5886ddb6b5b4e928aa3e4237f62e203d579fed390483ad0c4f40aa0", duration("secs", 60));
    assertEquals("d2d2ed65738926ed28b56d4493c3d674a591e8ab3f2730e3936dbaa1445026ac", duration("mins", 1));
    assertEquals("d31cdac9553b745c165b1e818b8ba2dbc7f25c3c05a21de27e75c3ac7ee8eafa", duration("secs", 3661));
  }

  @Test
  void fakeInteger64FromDoubleBits() {
    Int64ColumnHasher x = Int64ColumnHasher.create("x");
    x.add(Double.doubleToRawLongBits(1.0));
    x.add(Double.doubleToRawLongBits(2.0));

    assertEquals("7cfcb4881940449f9472226dc4ae4d8beb10bae3e0027b795b083901d16626a4", dataSha(2, x.finish()));
  }

  @Test
  void realInteger64() {
    Int64ColumnHasher oneTwoNa = Int64ColumnHasher.create("x");
    oneTwoNa.add(1);
    oneTwoNa.add(2);
    oneTwoNa.addNa();
    Int64ColumnHasher minusOne = Int64ColumnHasher.create("x");
    minusOne.add(-1);

    assertEquals("8ffb68b535093d9e52b253f442a1107c41a7b33b1067599bfd019394d68bb5af", dataSha(3, oneTwoNa.finish()));
    assertEquals("1eac1da9334dbb3d562f9e7f1d02bdd04a07b70f9ab64732632ea654b4c3ae84", dataSha(1, minusOne.finish()));
    // Too wide for R's integer, so a bigint column with it hashes as i64 through the typed API too.
    assertEquals("b96df6e5a8277784e5ff45e3999902edebbc556e52cba1114c6820b603eb8b07",
        oneColumn(ColumnSpec.of("x", "bigint"), 9218868437227407267L));
  }

  @Test
  void extraTables() {
    assertEquals("f3a74d60893878351b987439f906e4d309e5b1eaf24ab2b50c9049644512d95f",
        TableHash.ofRows(List.of(ColumnSpec.of("x", "int"), ColumnSpec.of("y", "string")),
            List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c"))).dataSha());
    assertEquals("47fe331a7a86e3b4a68ac2e975a293a283d6c53dbd74e5ddfde707279ade0945",
        oneColumn(X_DOUBLE, 0.0, -0.0, 1.0, null, Double.NaN, 0.0 / 0.0));
    assertEquals("28328c92ae822b3c0aa443c68375810ff10c87b9ff7cbdea5164f86afacab49c",
        oneColumn(ColumnSpec.of("x", "boolean"), false, true, null));
    assertEquals("28328c92ae822b3c0aa443c68375810ff10c87b9ff7cbdea5164f86afacab49c",
        oneColumn(ColumnSpec.of("x", "int"), 0, 1, null));
    assertEquals("4c18fa173937b03a3a686aa16ed3d0278e931f0f258a6db3aba9a297460fe049",
        oneColumn(ColumnSpec.of("x", "boolean"), null, null));
    assertEquals("f2d833e71e1e3d089fcc3306e4b2986f8eb0bdf39196871e10cdee305f0a4f55", oneColumn(X_STRING, null, null));
    assertEquals("a19b3ee47d4b3ac485b8becbd2b51dbb18ddc5d312bed0677936f07f62b7c58e", oneColumn(X_DOUBLE, 1.0));
    assertEquals("6ce66dd055a94234e4ea11094e798ab982aa1e17afab4e902a5789e4c0c29302", oneColumn(X_STRING, "1"));
    assertEquals("f59e50a0b53bcf4925dcb30f87801f7a78066ce0020601143a8eb308ad72b1ac",
        oneColumn(X_DATE, LocalDate.parse("2026-01-01"), null));
    assertEquals("b48f8a7a2ba9760cb97f1b08865494a7d6110e77583c81bcf63a8c9697f83d14", oneColumn(X_DOUBLE, 1.0, 2.0));
    assertEquals("b258fe551d64cf776e6270420b190f8ddb2c7175d3987f50149a8036c6f758bb",
        oneColumn(X_TIMESTAMP, Instant.parse("2026-01-02T03:04:05.5Z")));
  }

  @Test
  void unicodeValuesAreHashedWithoutNormalisation() {
    assertEquals("40635afdf63acadfd4ca2ae3fc258e5f1406524d7d8306c93c61877c65e82dee", oneColumn(X_STRING, "中文"));
    assertEquals("ce40f2e3614575681beb0c8e70f48786f723fcd5230e71c710534521601d2ddd", oneColumn(X_STRING, "\u00ef"));
    assertEquals("3718e3f51a58d8a92354466d8ef3e023cb854a18e3f90f557dc1ee89de7e8e0c", oneColumn(X_STRING, "i\u0308"));
  }

  @Test
  void columnNamesAndOrderAreIdentity() {
    assertEquals("c5656b064d8612ec27f1a6798afbf33a8caecfdf5a1876397e66632a72dfb7af",
        oneColumn(ColumnSpec.of("é col", "int"), 1));

    TableHash ab = TableHash.ofRows(List.of(doubleColumn("a"), doubleColumn("b")), List.of(List.of(1.0, 2.0)));
    TableHash ba = TableHash.ofRows(List.of(doubleColumn("b"), doubleColumn("a")), List.of(List.of(2.0, 1.0)));

    assertEquals("fb7b624346d79541ea7aec5d5633f3fcede6496f7d3076d11f2dda17a3bbe2bd", ab.dataSha());
    assertEquals(List.of(
        new ColumnHash("a", "17582ff8e71aabc171eede1f17b069dd91d11904b94cb4379d5d87bf59773cc4"),
        new ColumnHash("b", "91d7fdeb2e7e8eeca39ae4e8cdb8327645d4b399172619b966def7933958bad5")),
        ab.columnHashes());
    assertEquals("0e16d4854d79d7a42a7fbeb447507c1999ea2bbe7c3c268bd7022279b7d2c420", ba.dataSha());
  }

  private static ColumnSpec doubleColumn(String name) {
    return ColumnSpec.of(name, "double");
  }

  private static String oneColumn(ColumnSpec column, Object... values) {
    List<List<Object>> rows = Arrays.stream(values).map(v -> Arrays.asList(v)).toList();
    return TableHash.ofRows(List.of(column), rows).dataSha();
  }

  private static String duration(String units, double... values) {
    NumericColumnHasher x = NumericColumnHasher.duration("x", units);
    for (double value : values) {
      x.add(value);
    }
    return dataSha(values.length, x.finish());
  }

  private static String hashDoubles(double... values) {
    NumericColumnHasher x = NumericColumnHasher.num("x");
    for (double value : values) {
      x.add(value);
    }
    return x.finish().sha();
  }

  private static String dataSha(long nrow, ColumnHash column) {
    return TableHash.ofColumnHashes(nrow, List.of(column)).dataSha();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
