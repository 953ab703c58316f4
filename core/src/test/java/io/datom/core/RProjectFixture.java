package io.datom.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The project the R package wrote (test resources {@code fixtures/r-project}, copied unchanged from the shared
 * fixture): table {@code dm} with versions {@link #DM_V1} and {@link #DM_V2} (current), {@code vs} and {@code ex}.
 */
final class RProjectFixture {

  static final String PROJECT = "STUDY_FIXTURE";
  static final String DM_V1 = "939d60a19fa191a75fcc1241170604912bbfeaa2e6c48a5b5814519a9e4e2e7d";
  static final String DM_V1_DATA = "c93062d12654db08112dc859d0d2edebe27bf588d2be9310cfddf22f74ad3b40";
  static final String DM_V1_PARQUET = "ada57737c1638949a94e26704feaa235d2fd03e1a611c9fb9ae607c70758eb7e";
  static final String DM_V1_AT = "2026-11-22T02:28:26Z";
  static final String DM_V2 = "f70790b000b6c47eabcf9f0079e40c5650b1c093741288abcc6f9a3bf5e4b6c5";
  static final String DM_V2_DATA = "a065e46117aa4968e630fc0a8514ffd3e6c549cd4a7c5dc526c897771745b979";
  static final String DM_V2_PARQUET = "f413246e524586e9b93bd3e0d1b6e190e30c2ba76a830bd750d744abd2d146e8";
  static final String DM_V2_AT = "2026-11-22T02:28:29Z";

  private RProjectFixture() {}

  /** Copies the fixture's store into {@code dir} (so a test may change it) and returns the store's root. */
  static Path copyStoreTo(Path dir) {
    try {
      Path source = Path.of(RProjectFixture.class.getResource("/fixtures/r-project/store").toURI());
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path path : paths.toList()) {
          Path target = dir.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(target);
          } else {
            Files.copy(path, target);
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
