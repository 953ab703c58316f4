package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.store.StoreLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code governance.json} (format §3.4) and {@code ref.json} (§3.5). */
class GovernanceFilesTest {

  @Test
  void governanceJsonMatchesTheFormatExample() {
    GovernanceConfig config = GovernanceConfig.of("https://github.com/acme/gov.git",
        StoreLocation.s3("acme-gov", null, "us-east-1"), "2026-05-23T14:00:00Z");
    assertEquals("""
        {
          "gov_repo_url": "https://github.com/acme/gov.git",
          "gov_storage": {
            "type": "s3",
            "root": "acme-gov",
            "region": "us-east-1"
          },
          "attached_at": "2026-05-23T14:00:00Z"
        }
        """, config.toGitFile());
    GovernanceConfig reread = GovernanceConfig.parse(config.toJson(), "governance.json");
    assertEquals("https://github.com/acme/gov.git", reread.govRepoUrl());
    assertEquals(StoreLocation.s3("acme-gov", null, "us-east-1"), reread.govStorage());
    assertEquals(Optional.of("2026-05-23T14:00:00Z"), reread.attachedAt());
  }

  @Test
  void localGovernanceHasNoRegionAndKeepsAPrefix() {
    GovernanceConfig config = GovernanceConfig.of("u", new StoreLocation("local", "/gov", "p/", "ignored"), "t");
    assertEquals("{\"gov_repo_url\":\"u\",\"gov_storage\":{\"type\":\"local\",\"root\":\"/gov\",\"prefix\":\"p/\"},"
        + "\"attached_at\":\"t\"}", config.json().toString());
  }

  @Test
  void governanceValidationMessagesLikeR() {
    assertEquals("\"gov_repo_url\" must be a non-empty string in g.json.",
        invalidGovernance("{\"gov_repo_url\":\"\"}"));
    assertEquals("\"gov_storage\" is missing in g.json.", invalidGovernance("{\"gov_repo_url\":\"u\"}"));
    assertEquals("\"gov_storage$type\" must be \"s3\" or \"local\" in g.json.",
        invalidGovernance("{\"gov_repo_url\":\"u\",\"gov_storage\":{\"type\":\"gcs\",\"root\":\"r\"}}"));
    assertEquals("\"gov_storage$root\" must be a non-empty string in g.json.",
        invalidGovernance("{\"gov_repo_url\":\"u\",\"gov_storage\":{\"type\":\"s3\"}}"));
  }

  private static String invalidGovernance(String text) {
    return assertThrows(InvalidDatomFileException.class, () -> GovernanceConfig.parse(text, "g.json")).getMessage();
  }

  @Test
  void refJsonFromRsBuilderDropsNullFields() {
    DataLocationRef ref = DataLocationRef.of(StoreLocation.local("/data", null));
    assertEquals("{\"current\":{\"type\":\"local\",\"root\":\"/data\"},\"previous\":[]}", ref.json().toString());
    assertEquals("{\n  \"current\": {\n    \"type\": \"local\",\n    \"root\": \"/data\"\n  },\n  \"previous\": []\n}",
        ref.toJson());
  }

  @Test
  void refJsonParsingNormalisesPrefixAndDefaultsRegion() {
    DataLocationRef ref = DataLocationRef.parse("{\"current\":{\"type\":\"s3\",\"root\":\"b\",\"prefix\":{}}}", "r");
    assertEquals("b", ref.root());
    assertEquals(Optional.empty(), ref.prefix());
    assertEquals("us-east-1", ref.region());
    assertEquals(StoreLocation.s3("b", null, "us-east-1"), ref.location());
    assertEquals(Optional.empty(), ref.migrationWarning());
    for (String prefix : new String[] {"null", "\"\"", "[]"}) {
      assertEquals(Optional.empty(),
          DataLocationRef.parse("{\"current\":{\"root\":\"b\",\"prefix\":" + prefix + "}}", "r").prefix());
    }
    DataLocationRef withPrefix =
        DataLocationRef.parse("{\"current\":{\"root\":\"b\",\"prefix\":\"trial/\",\"region\":\"eu-west-1\"}}", "r");
    assertEquals(Optional.of("trial/"), withPrefix.prefix());
    assertEquals("eu-west-1", withPrefix.region());
    assertTrue(withPrefix.sameNamespaceAs(StoreLocation.s3("b", "trial/", "us-east-1")));
    assertFalse(withPrefix.sameNamespaceAs(StoreLocation.s3("b", "trial", "us-east-1")));
    assertFalse(withPrefix.sameNamespaceAs(StoreLocation.s3("c", "trial/", "us-east-1")));
  }

  @Test
  void refJsonWarnsAboutAMigrationUsingSunsetAt() {
    DataLocationRef ref = DataLocationRef.parse("{\"current\":{\"root\":\"new\"},\"previous\":[{\"root\":\"old\","
        + "\"sunset_at\":\"2026-04-15T00:00:00Z\",\"sunset_date\":\"ignored\"}]}", "r");
    assertEquals("Data was migrated from \"old\".\nℹ Previous location sunsets at: \"2026-04-15T00:00:00Z\".\n"
        + "ℹ Update your store credentials if needed.", ref.migrationWarning().orElseThrow());
    DataLocationRef unknown = DataLocationRef.parse("{\"current\":{\"root\":\"new\"},\"previous\":[{}]}", "r");
    assertTrue(unknown.migrationWarning().orElseThrow().startsWith("Data was migrated from \"unknown\"."));
  }

  @Test
  void refJsonRequiresCurrentRoot() {
    InvalidDatomFileException e = assertThrows(InvalidDatomFileException.class,
        () -> DataLocationRef.parse("{\"current\":{\"type\":\"s3\"}}", "projects/P/ref.json"));
    assertEquals("Invalid ref.json: missing current.root.\n✖ Source: \"projects/P/ref.json\"", e.getMessage());
    assertEquals("projects/P/ref.json", e.source());
    assertThrows(InvalidDatomFileException.class, () -> DataLocationRef.parse("{}", "r"));
  }
}
