package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.store.StoreLocation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitFilesTest {

  @Test
  void gitIgnoreAppendsInputFilesOnceAndEndsEveryLineWithLf() {
    assertEquals("*.csv\ninput_files/\n", GitIgnore.content(List.of("*.csv", "input_files/", "*.csv")));
    assertEquals("input_files/\n", GitIgnore.content(List.of()));
    assertTrue(GitIgnore.content().startsWith(".Rprofile\n.Renviron\n"));
  }

  @Test
  void readmeForAnS3StoreShowsPrefixRegionAndConstructor() {
    String readme = InitReadme.render("STUDY_001", StoreLocation.s3("study-bucket", "trial/", "eu-west-1"),
        "https://github.com/org/study-001.git", LocalDate.of(2026, 1, 2), "0.1.1");
    assertTrue(readme.startsWith("# STUDY_001\n"));
    assertTrue(readme.contains("| Backend | `s3` |\n| Root    | `study-bucket` |\n| Prefix  | `trial/` |\n"
        + "| Region  | `eu-west-1` |\n"));
    assertTrue(readme.contains("  data          = datom_store_s3(\"study-bucket\", \"trial/\", \"eu-west-1\","
        + " access_key = \"...\", secret_key = \"...\"),\n"));
    assertTrue(readme.contains("  governance    = NULL,\n"));
    assertTrue(readme.endsWith("*Initialized on 2026-01-02 with datom v0.1.1.*\n"));
    assertTrue(!readme.contains("{{{"));
  }
}
