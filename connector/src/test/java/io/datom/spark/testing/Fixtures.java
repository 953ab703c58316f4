package io.datom.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The project the R package wrote (test resources {@code fixtures/r-project}, copied unchanged from the shared
 * fixture): {@code dm} with versions {@link #DM_V1} and {@link #DM_V2} (current), {@code vs} and {@code ex}.
 */
public final class Fixtures {

  public static final String PROJECT = "STUDY_FIXTURE";
  public static final String DM_V1 = "939d60a19fa191a75fcc1241170604912bbfeaa2e6c48a5b5814519a9e4e2e7d";
  public static final String DM_V1_AT = "2026-11-22T02:28:26Z";
  public static final String DM_V2 = "f70790b000b6c47eabcf9f0079e40c5650b1c093741288abcc6f9a3bf5e4b6c5";
  public static final String DM_V2_DATA = "a065e46117aa4968e630fc0a8514ffd3e6c549cd4a7c5dc526c897771745b979";
  public static final String DM_V2_AT = "2026-11-22T02:28:29Z";
  public static final String VS_V1 = "5b0877ec905cbda317a0ef859093582320ee505a8e757c3f087df606ff92afd4";
  public static final String EX_V1 = "8c4856cc6510eeceb914df7100867611af9b4a355afa9024071b51d751a807a3";

  private Fixtures() {}

  /** The fixture's {@code expected.json}. */
  public static ExpectedRows expected() {
    return ExpectedRows.read(resource("fixtures/r-project/expected.json"));
  }

  /** Copies the fixture's store into {@code dir} (so a test may change it) and returns it. */
  public static Path copyRStoreTo(Path dir) {
    Path source = resource("fixtures/r-project/store");
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path target = dir.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource as a file. */
  public static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
