package io.datom.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.AmbiguousVersionException;
import io.datom.core.exceptions.NoVersionAsOfException;
import io.datom.core.exceptions.NotADatomStoreException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.LocalStore;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a read can be asked wrongly fails with a typed error that names the thing and says what to do. */
class ReadErrorsTest extends SparkTestBase {

  @TempDir static Path dir;
  private static String store;

  @BeforeAll
  static void copyFixture() {
    store = Fixtures.copyRStoreTo(dir.resolve("store")).toString();
    String a = "abc1" + "0".repeat(60);
    String b = "abc2" + "0".repeat(60);
    Author author = new Author("A", "a@x.com");
    VersionHistory history = VersionHistory.empty()
        .prepend(HistoryEntry.of(a, "aaaaaaa", "2026-01-01T00:00:00Z", author, "one", null, null))
        .prepend(HistoryEntry.of(b, "bbbbbbb", "2026-01-02T00:00:00Z", author, "two", null, null));
    new LocalStore(Path.of(store), null).writeJson("ae/.metadata/version_history.json", history.toStoreJson());
  }

  private static DataFrameReader datom(String table) {
    return spark.read().format("datom").option("table", table);
  }

  @Test
  void unknownTable() {
    NoSuchTableException e = assertThrows(NoSuchTableException.class, () -> datom("lb").load(store));
    TableNotFoundException cause = (TableNotFoundException) e.getCause();
    assertEquals("lb", cause.table());
    assertTrue(e.getMessage().contains("Table 'lb' not found in store file:" + store + ". Its tables are: dm, vs, ex."),
        e.getMessage());
  }

  @Test
  void unknownVersion() {
    VersionNotFoundException e =
        assertThrows(VersionNotFoundException.class, () -> datom("dm").option("version", "0123abc").load(store));
    assertTrue(e.getMessage().startsWith("Version 0123abc not found in history for dm."), e.getMessage());
  }

  @Test
  void ambiguousVersion() {
    AmbiguousVersionException e =
        assertThrows(AmbiguousVersionException.class, () -> datom("ae").option("versionAsOf", "abc").load(store));
    assertEquals("Version prefix abc is ambiguous for ae. It matches 2 versions. Use a longer prefix.", e.getMessage());
  }

  @Test
  void asOfBeforeTheFirstVersion() {
    NoVersionAsOfException e =
        assertThrows(NoVersionAsOfException.class, () -> datom("dm").option("asOf", "2020-01-01T00:00:00Z").load(store));
    assertTrue(e.getMessage().contains("its first version was written at 2026-11-22T02:28:26Z"), e.getMessage());
  }

  @Test
  void missingStore() {
    String nowhere = dir.resolve("no such store").toString();
    NotADatomStoreException e = assertThrows(NotADatomStoreException.class, () -> datom("dm").load(nowhere));
    assertTrue(e.getMessage().startsWith("No datom project in store file:" + nowhere), e.getMessage());
    InvalidOptionsException none = assertThrows(InvalidOptionsException.class, () -> datom("dm").load());
    assertEquals(List.of("store"), none.options());
  }

  @Test
  void versionAndAsOfTogether() {
    InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
        () -> datom("dm").option("version", "939d").option("timestampAsOf", "2026-11-22T02:28:29Z").load(store));
    assertEquals(List.of("version", "asOf"), e.options());
    assertTrue(e.getMessage().contains("set either 'version' or 'asOf', not both"), e.getMessage());
  }

  @Test
  void malformedOptions() {
    assertEquals(List.of("table"),
        assertThrows(InvalidOptionsException.class, () -> spark.read().format("datom").load(store)).options());
    assertEquals(List.of("asOf"),
        assertThrows(InvalidOptionsException.class, () -> datom("dm").option("asOf", "yesterday").load(store))
            .options());
    assertEquals(List.of("version", "versionAsOf"),
        assertThrows(InvalidOptionsException.class,
            () -> datom("dm").option("version", "939d").option("versionAsOf", "f707").load(store)).options());
    assertEquals(List.of("verify"),
        assertThrows(InvalidOptionsException.class,
            () -> datom("dm").option("verify", "sometimes").load(store).collect()).options());
    assertEquals(List.of("version", "asOf"),
        assertThrows(InvalidOptionsException.class,
            () -> datom("dm.history").option("version", "939d").load(store)).options());
  }

  @Test
  void emptyVersionSelectorsAreMistakesNotTheCurrentVersion() {
    for (String option : List.of("version", "versionAsOf", "asOf", "timestampAsOf")) {
      InvalidOptionsException e =
          assertThrows(InvalidOptionsException.class, () -> datom("dm").option(option, "").load(store));
      assertEquals(List.of(option), e.options());
      assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }
  }

  @Test
  void anInstantOutOfRangeIsAClearError() {
    InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
        () -> datom("dm").option("asOf", "99999999999999999999").load(store));
    assertEquals(List.of("asOf"), e.options());
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }

  @Test
  void tableNamesAreExactNotTrimmed() {
    InvalidOptionsException e =
        assertThrows(InvalidOptionsException.class, () -> datom("dm ").load(store));
    assertEquals(List.of("table"), e.options());
    assertTrue(e.getMessage().contains("leading or trailing spaces"), e.getMessage());
  }

  @Test
  void aMisspelledOptionIsAnErrorThatNamesTheClosestOne() {
    InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
        () -> datom("dm").option("verison", "939d").load(store));
    assertEquals(List.of("verison"), e.options());
    assertTrue(e.getMessage().contains("Did you mean 'version'?"), e.getMessage());
    InvalidOptionsException writeOption = assertThrows(InvalidOptionsException.class,
        () -> datom("dm").option("message", "x").load(store).collect());
    assertTrue(writeOption.getMessage().contains("for a datom read"), writeOption.getMessage());
    InvalidOptionsException alias = assertThrows(InvalidOptionsException.class,
        () -> datom("dm").option("timestampAsOff", "2026-01-01").load(store));
    assertTrue(alias.getMessage().contains("Did you mean 'timestampAsOf'?"), alias.getMessage());
  }
}
