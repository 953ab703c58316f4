package io.datom.core;

import static io.datom.core.RProjectFixture.DM_V2_DATA;
import static io.datom.core.RProjectFixture.DM_V2_PARQUET;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetIntegrityTest {

  @TempDir Path dir;
  private LocalStore store;
  private Snapshot current;

  @BeforeEach
  void copyFixture() {
    store = new LocalStore(RProjectFixture.copyStoreTo(dir), null);
    current = DatomProject.open(store).table("dm").snapshot(VersionSpec.current());
  }

  @Test
  void anUntouchedObjectPasses() {
    assertDoesNotThrow(() -> ParquetIntegrity.verify(store, current));
  }

  @Test
  void aChangedObjectFailsNamingTableKeyAndBothHashes() throws IOException {
    Path object = dir.resolve("datom/dm/" + DM_V2_DATA + ".parquet");
    byte[] bytes = Files.readAllBytes(object);
    bytes[bytes.length / 2] ^= 1;
    Files.write(object, bytes);
    IntegrityCheckException e =
        assertThrows(IntegrityCheckException.class, () -> ParquetIntegrity.verify(store, current));
    assertEquals("dm", e.table());
    assertEquals("dm/" + DM_V2_DATA + ".parquet", e.key());
    assertEquals(DM_V2_PARQUET, e.expectedSha());
    assertEquals(64, e.actualSha().length());
    assertTrue(e.getMessage().startsWith("Stored parquet for dm failed its integrity check. Key: dm/" + DM_V2_DATA
        + ".parquet; expected parquet_sha " + DM_V2_PARQUET + ", actual " + e.actualSha() + "."), e.getMessage());
  }

  @Test
  void aVersionWithoutParquetShaIsNotCheckedAsInR() throws IOException {
    Files.write(dir.resolve("datom/dm/" + DM_V2_DATA + ".parquet"), new byte[] {1, 2, 3});
    Snapshot preCv1 =
        new Snapshot("dm", current.version(), DM_V2_DATA, Optional.empty(), Instant.EPOCH, Optional.empty());
    assertDoesNotThrow(() -> ParquetIntegrity.verify(store, preCv1));
  }

  @Test
  void aMissingObjectIsReportedAsMissing() throws IOException {
    Files.delete(dir.resolve("datom/dm/" + DM_V2_DATA + ".parquet"));
    assertThrows(StoreObjectNotFoundException.class, () -> ParquetIntegrity.verify(store, current));
  }
}
