package io.datom.core;

import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.TableMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project the R package datom 0.1.1 wrote (test resources {@code fixtures/r-project}, copied unchanged from the
 * shared fixture): its store, its data repository as a bundle and as checked-out files, and the facts of its writes.
 */
final class RFixture {

  static final String PROJECT = "STUDY_FIXTURE";
  /** The store root and remote R recorded in {@code project.yaml} and {@code README.md}. */
  static final String ROOT = "/work/steering/shared/fixtures/r-project/store";
  static final String REMOTE = "file:///tmp/RtmplCSMPc/fixture6cdf7456ecea/remote.git";
  static final GitIdentity AUTHOR =
      new GitIdentity("Seed 16429c8a maintainers", "maintainers@users.noreply.r-seed-16429c8a.example");

  static final String DM_CUT_1 = "939d60a19fa191a75fcc1241170604912bbfeaa2e6c48a5b5814519a9e4e2e7d";
  static final String DM_CUT_2 = "f70790b000b6c47eabcf9f0079e40c5650b1c093741288abcc6f9a3bf5e4b6c5";
  static final String VS = "5b0877ec905cbda317a0ef859093582320ee505a8e757c3f087df606ff92afd4";
  static final String EX = "8c4856cc6510eeceb914df7100867611af9b4a355afa9024071b51d751a807a3";

  private RFixture() {}

  /** A fixture file, e.g. {@code store/datom/dm/.metadata/metadata.json}. */
  static Path path(String relative) {
    try {
      var url = RFixture.class.getResource("/fixtures/r-project/" + relative);
      if (url == null) {
        throw new IllegalArgumentException("No fixture file " + relative);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the data repository at its last commit ({@code .gitignore} is kept as {@code gitignore.txt}). */
  static String gitFile(String repoPath) {
    return text("git/" + (repoPath.equals(".gitignore") ? "gitignore.txt" : repoPath));
  }

  /** The store's directory: {@code {root}} with {@code datom/} below it. */
  static Path storeRoot() {
    return path("store");
  }

  /** The snapshot R wrote for a version. */
  static TableMetadata snapshot(String table, String version) {
    return TableMetadata.parse(text("store/datom/" + table + "/.metadata/" + version + ".json"), version);
  }

  /** The content identity of a version, rebuilt from its snapshot's {@code column_hashes} and {@code nrow}. */
  static TableHash hash(String table, String version) {
    TableMetadata metadata = snapshot(table, version);
    return TableHash.ofColumnHashes(metadata.nrow().orElseThrow(), metadata.columnHashes());
  }

  /** The parquet object R stored for a version. */
  static LocalParquetFile parquet(String table, String version) {
    String dataSha = snapshot(table, version).dataSha().orElseThrow();
    return new LocalParquetFile(path("store/datom/" + table + "/" + dataSha + ".parquet"));
  }
}
