package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.store.LocalStore;
import io.datom.core.store.S3Store;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The R fixture moved from a local store to core's {@link S3Store} and back, with core alone. */
@ExtendWith(S3ProxyExtension.class)
class StoreMoveS3Test {

  @TempDir Path tmp;

  @Test
  void localToS3AndBackWithTheYamlRWouldWrite(S3ProxyServer s3) {
    String bucket = s3.createBucket();
    try (BareGitRemote remote = RFixtureProject.copy(tmp); LocalStore local = RFixtureProject.store(tmp);
        S3Store onS3 = new S3Store(s3.storeConfig(bucket).prefix("trial/").build())) {
      String yamlBefore = new String(remote.readFile("master", ".datom/project.yaml").orElseThrow(),
          StandardCharsets.UTF_8);
      StoreCopier.copyAll(local, onS3);
      CopyVerifier.verifyAll(local, onS3).requirePassed();
      for (String key : local.list("")) {
        assertTrue(Arrays.equals(local.read(key).orElseThrow(), onS3.read(key).orElseThrow()), "byte copy: " + key);
      }
      assertTrue(DataStoreSwitch.apply(options(remote, local), onS3).switched());
      // R: type and root in place; the prefix (removed by the fixture's earlier NULL-prefix relocation) and the S3
      // region appended.
      assertEquals(yamlBefore.replace("    type: local\n    root: " + local.location().root() + "\n",
          "    type: s3\n    root: " + bucket + "\n    prefix: trial/\n    region: " + S3ProxyServer.REGION + "\n"),
          new String(remote.readFile("master", ".datom/project.yaml").orElseThrow(), StandardCharsets.UTF_8));
      assertTrue(ProjectValidator.validate(options(remote, onS3), false).found().isEmpty());

      // And back to another local store: R's modifyList keeps the S3 region when the new store is local.
      LocalStore home = new LocalStore(tmp.resolve("home"), null);
      StoreCopier.copyAll(onS3, home);
      CopyVerifier.verifyAll(onS3, home).requirePassed();
      assertTrue(DataStoreSwitch.apply(options(remote, onS3), home).switched());
      assertEquals(yamlBefore.replace("    root: " + local.location().root() + "\n",
          "    root: " + home.location().root() + "\n    region: " + S3ProxyServer.REGION + "\n"),
          new String(remote.readFile("master", ".datom/project.yaml").orElseThrow(), StandardCharsets.UTF_8));
      assertTrue(ProjectValidator.validate(options(remote, home), false).found().isEmpty());
    }
  }

  private WriterOptions options(BareGitRemote remote, Store store) {
    return WriterOptions.builder(remote.url(), store).credentials(GitCredentials.none()).author(TestProject.AUTHOR)
        .workDir(tmp.resolve("clones")).build();
  }
}
