package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.internal.format.TableMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R's {@code datom_validate(fix =)}: where the store mirror disagrees with git, and the repair. */
class ProjectValidatorTest {

  @TempDir Path tmp;
  private TestProject project;
  private WriteResult dm;
  private WriteResult lbFirst;
  private WriteResult lbSecond;

  @BeforeEach
  void createProject() {
    project = TestProject.local(tmp);
    try (DatomWriter writer = project.create()) {
      dm = writer.write(TestContent.of(tmp, "dm", 30, 40).request("dm").build());
      lbFirst = writer.write(TestContent.of(tmp, "lb1", 1, 2).request("lb").build());
      lbSecond = writer.write(TestContent.of(tmp, "lb2", 3, 4).request("lb").build());
    }
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void aConsistentProjectIsValid() {
    ValidationReport report = ProjectValidator.validate(project.options().build(), true);

    assertTrue(report.valid());
    assertTrue(report.consistent());
    assertFalse(report.fixed(), "nothing to repair");
    assertEquals(TestProject.NAME, report.projectName());
    assertEquals(project.head().orElseThrow(), report.commit());
  }

  @Test
  void reportsEachDisagreementAndRepairsAllButMissingData() {
    String lbSnapshot = "lb/.metadata/" + lbFirst.metadataSha() + ".json";
    project.store.delete("dm/.metadata/metadata.json");
    project.store.delete("dm/.metadata/" + dm.metadataSha() + ".json");
    project.store.delete("dm/.metadata/version_history.json");
    project.store.writeJson("lb/.metadata/metadata.json", project.storeText(lbSnapshot).orElseThrow().strip());
    project.store.writeJson("lb/.metadata/version_history.json", "[]");
    project.store.writeJson(".metadata/manifest.json", "{\"project_name\": \"STUDY_001\"}");
    String lostObject = "lb/" + lbFirst.dataSha() + ".parquet";
    project.store.delete(lostObject);
    var damaged = project.storeContents();

    ValidationReport check = ProjectValidator.validate(project.options().build(), false);

    Set<String> expected = Set.of(
        "MANIFEST_DIFFERS - .metadata/manifest.json",
        "METADATA_MISSING dm dm/.metadata/metadata.json",
        "SNAPSHOT_MISSING dm dm/.metadata/" + dm.metadataSha() + ".json",
        "HISTORY_MISSING dm dm/.metadata/version_history.json",
        "METADATA_DIFFERS lb lb/.metadata/metadata.json",
        "HISTORY_DIFFERS lb lb/.metadata/version_history.json",
        "PARQUET_MISSING lb " + lostObject);
    assertEquals(expected, describe(check.found()));
    assertFalse(check.valid());
    assertFalse(check.fixed());
    assertEquals(damaged, project.storeContents(), "checking changes nothing");

    ValidationReport repair = ProjectValidator.validate(project.options().build(), true);

    assertTrue(repair.fixed());
    assertEquals(expected, describe(repair.found()));
    assertEquals(Set.of("PARQUET_MISSING lb " + lostObject), describe(repair.remaining()));
    assertEquals(project.gitFile("dm/metadata.json"), project.storeText("dm/.metadata/metadata.json"));
    assertEquals(project.gitFile("lb/metadata.json"), project.storeText("lb/.metadata/metadata.json"));
    assertEquals(project.gitFile(".datom/manifest.json"), project.storeText(".metadata/manifest.json"));
    assertEquals(Optional.of(lbSecond.metadataSha()),
        project.storeText("lb/.metadata/metadata.json").map(t -> TableMetadata.parse(t, "store").version()));
  }

  @Test
  void objectsNoVersionReferencesAreListedNeverDeleted() throws Exception {
    String orphan = "dm/" + "ab".repeat(32) + ".parquet";
    java.nio.file.Path bytes = java.nio.file.Files.writeString(tmp.resolve("orphan.bin"), "refused append's object");
    assertTrue(project.store.putIfAbsent(orphan, bytes));

    ValidationReport report = ProjectValidator.validate(project.options().build(), true);

    assertEquals(java.util.List.of(orphan), report.unreferencedObjects());
    assertTrue(report.valid(), "an unreferenced object is no disagreement between git and the store");
    assertTrue(project.store.exists(orphan), "versions are indelible: validation never deletes objects");
  }

  @Test
  void anInterruptedCreationIsRepairedSoThatTheProjectOpens() {
    project.store.delete(".metadata/manifest.json");
    assertThrows(ProjectNotInStoreException.class, () -> project.open().close());

    ValidationReport repair = ProjectValidator.validate(project.options().build(), true);

    assertEquals(Set.of("MANIFEST_MISSING - .metadata/manifest.json"), describe(repair.found()));
    assertTrue(repair.consistent());
    project.open().close();
  }

  private static Set<String> describe(List<Discrepancy> discrepancies) {
    return discrepancies.stream()
        .map(d -> d.kind() + " " + d.table().orElse("-") + " " + d.key())
        .collect(Collectors.toSet());
  }
}
