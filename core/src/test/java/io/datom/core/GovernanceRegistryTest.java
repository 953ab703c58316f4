package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.ProjectNotRegisteredException;
import io.datom.core.internal.format.DataLocationRef;
import io.datom.core.store.LocalStore;
import io.datom.core.store.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceRegistryTest {

  @TempDir Path dir;
  private LocalStore gov;

  @BeforeEach
  void governanceStore() {
    gov = new LocalStore(dir, "gov");
    gov.writeJson("projects/STUDY_002/ref.json",
        DataLocationRef.of(StoreLocation.s3("study-bucket", "trial/", "eu-west-1")).toJson());
    gov.writeJson("projects/STUDY_001/ref.json", DataLocationRef.of(StoreLocation.local("/data/s1", null)).toJson());
    gov.writeJson("projects/STUDY_001/dispatch.json", "{}");
    gov.writeJson("projects/DRAFT/dispatch.json", "{}");
    gov.writeJson(".access/ref.json", "{}");
  }

  @Test
  void listsTheProjectsThatHaveARef() {
    assertEquals(List.of("STUDY_001", "STUDY_002"), GovernanceRegistry.open(gov).projects());
  }

  @Test
  void resolvesAProjectsCurrentDataLocation() {
    GovernanceRegistry registry = GovernanceRegistry.open(gov);
    assertEquals(StoreLocation.s3("study-bucket", "trial/", "eu-west-1"), registry.dataLocation("STUDY_002"));
    assertEquals(StoreLocation.local("/data/s1", null), registry.dataLocation("STUDY_001"));
  }

  @Test
  void followsRsParserRulesForPrefixAndRegion() {
    gov.writeJson("projects/S3/ref.json", "{\"current\": {\"type\": \"s3\", \"root\": \"b\", \"prefix\": \"\"}}");
    assertEquals(StoreLocation.s3("b", null, "us-east-1"), GovernanceRegistry.open(gov).dataLocation("S3"));
  }

  @Test
  void anUnregisteredProjectListsTheRegisteredOnes() {
    ProjectNotRegisteredException e =
        assertThrows(ProjectNotRegisteredException.class, () -> GovernanceRegistry.open(gov).dataLocation("DRAFT"));
    assertEquals("DRAFT", e.project());
    assertEquals(List.of("STUDY_001", "STUDY_002"), e.registered());
    assertEquals("Project 'DRAFT' is not registered in governance store " + gov.describe() + " (no projects/DRAFT/"
        + "ref.json). Registered projects: STUDY_001, STUDY_002.", e.getMessage());
  }

  @Test
  void aRefWithoutARootIsInvalid() {
    gov.writeJson("projects/BROKEN/ref.json", "{\"current\": {\"type\": \"s3\"}}");
    assertThrows(InvalidDatomFileException.class, () -> GovernanceRegistry.open(gov).dataLocation("BROKEN"));
  }
}
