package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.store.StoreLocation;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectConfigTest {

  private static final String S3_EXAMPLE = """
      project_name: STUDY_001
      project_description: ''
      created_at: '2026-01-02'
      datom_version: 0.1.1
      storage:
        data:
          type: s3
          root: study-bucket
          prefix: ~
          region: us-east-1
        max_file_size_gb: 1000.0
      repos:
        data:
          remote_url: https://github.com/org/study-001.git
      sync:
        continue_on_error: yes
        parallel_uploads: 4
      renv: no
      """;

  private static ProjectConfig s3Init(String prefix) {
    return ProjectConfig.forInit("STUDY_001", StoreLocation.s3("study-bucket", prefix, "us-east-1"),
        "https://github.com/org/study-001.git", LocalDate.of(2026, 1, 2), "0.1.1");
  }

  @Test
  void writesTheFormatDocumentsS3Example() {
    assertEquals(S3_EXAMPLE, s3Init(null).toYaml());
  }

  @Test
  void writesAPrefixAsGivenAndQuotesValuesRWouldReadAsOtherTypes() {
    String yaml = ProjectConfig.forInit("yes", StoreLocation.s3("2026", "trial/", "us-east-1"), "git@x:y.git",
        LocalDate.of(2026, 1, 2), "0.1.1").toYaml();
    assertTrue(yaml.startsWith("project_name: 'yes'\n"), yaml);
    assertTrue(yaml.contains("    root: '2026'\n    prefix: trial/\n"), yaml);
  }

  @Test
  void readsTheFieldsRConsults() {
    ProjectConfig config = ProjectConfig.parse(s3Init("trial/").toYaml(), "project.yaml");
    assertEquals("STUDY_001", config.projectName());
    assertEquals(Optional.of("s3"), config.dataType());
    assertEquals(Optional.of("study-bucket"), config.dataRoot());
    assertEquals(Optional.of("trial/"), config.dataPrefix());
    assertEquals(Optional.of("us-east-1"), config.dataRegion());
    assertEquals(Optional.of("https://github.com/org/study-001.git"), config.remoteUrl());
  }

  @Test
  void readsTheLegacyLayoutWhereStorageIsTheDataBlock() {
    ProjectConfig config = ProjectConfig.parse("""
        project_name: OLD
        storage:
          type: s3
          root: old-bucket
          prefix: ''
          governance:
            root: gov
        repos:
          governance:
            remote_url: x
        """, "project.yaml");
    assertEquals(Optional.of("old-bucket"), config.dataRoot());
    assertEquals(Optional.empty(), config.dataPrefix());
  }

  @Test
  void normalisesEmptyPrefixForms() {
    for (String prefix : new String[] {"~", "''", "{}", "[]"}) {
      ProjectConfig config = ProjectConfig.parse("project_name: P\nstorage:\n  data:\n    root: r\n    prefix: "
          + prefix + "\n", "project.yaml");
      assertEquals(Optional.empty(), config.dataPrefix(), prefix);
    }
    ProjectConfig noPrefix = ProjectConfig.parse("project_name: P\nstorage:\n  data:\n    root: r\n", "p");
    assertEquals(Optional.empty(), noPrefix.dataPrefix());
  }

  @Test
  void keepsDatesAndOtherScalarsAsRReadsThem() {
    String yaml = "project_name: P\ncreated_at: 2026-01-02\ncount: 3\nratio: 0.5\nflag: on\n";
    assertEquals("project_name: P\ncreated_at: '2026-01-02'\ncount: 3\nratio: 0.5\nflag: yes\n",
        ProjectConfig.parse(yaml, "p").toYaml());
  }

  @Test
  void locatesAStoreByRootAndUnnormalisedPrefix() {
    ProjectConfig config = ProjectConfig.parse(s3Init("trial/").toYaml(), "project.yaml");
    assertTrue(config.locates(StoreLocation.s3("study-bucket", "trial/", "eu-west-1")));
    assertFalse(config.locates(StoreLocation.s3("study-bucket", "trial", "us-east-1")));
    assertFalse(config.locates(StoreLocation.s3("other-bucket", "trial/", "us-east-1")));
    assertTrue(ProjectConfig.parse("project_name: P\n", "p").locates(StoreLocation.s3("any", null, null)));
    ProjectConfig noPrefix = ProjectConfig.parse(s3Init(null).toYaml(), "p");
    assertTrue(noPrefix.locates(StoreLocation.s3("study-bucket", "", "us-east-1")));
  }

  @Test
  void rewritesOnlyTheDataBlockLikeModifyList() {
    String before = """
        project_name: P
        storage:
          data:
            type: s3
            root: old
            prefix: p1
            region: us-east-1
          governance:
            root: gov
          max_file_size_gb: 1000.0
        renv: no
        """;
    ProjectConfig moved = ProjectConfig.parse(before, "p")
        .withDataStore(StoreLocation.local("/data/new", null));
    assertEquals("""
        project_name: P
        storage:
          data:
            type: local
            root: /data/new
            region: us-east-1
          governance:
            root: gov
          max_file_size_gb: 1000.0
        renv: no
        """, moved.toYaml());
  }

  @Test
  void addsAStorageBlockWhenThereIsNone() {
    ProjectConfig moved = ProjectConfig.parse("project_name: P\nrenv: no\n", "p")
        .withDataStore(StoreLocation.s3("b", "x/", "eu-west-1"));
    assertEquals("project_name: P\nrenv: no\nstorage:\n  data:\n    type: s3\n    root: b\n    prefix: x/\n"
        + "    region: eu-west-1\n", moved.toYaml());
  }

  @Test
  void refusesFilesWithoutAProjectName() {
    assertThrows(InvalidDatomFileException.class, () -> ProjectConfig.parse("storage: {}\n", "p"));
    assertThrows(InvalidDatomFileException.class, () -> ProjectConfig.parse("project_name: ''\n", "p"));
    assertThrows(InvalidDatomFileException.class, () -> ProjectConfig.parse("- a\n", "p"));
    assertThrows(InvalidDatomFileException.class, () -> ProjectConfig.parse("a: [\n", "p"));
  }
}
