package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.CopyVerificationException;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ObjectConflictException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.store.LocalStore;
import io.datom.core.store.StoreLocation;
import io.datom.core.testing.BareGitRemote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving the R fixture project between two local stores with core alone: R's {@code datom_storage_copy},
 * {@code datom_storage_verify} and {@code datom_repo_set_data_store}, with the copy rules of this project.
 */
class StoreMoveTest {

  private static final String DM_OBJECT = "dm/a065e46117aa4968e630fc0a8514ffd3e6c549cd4a7c5dc526c897771745b979.parquet";

  @TempDir Path tmp;
  private BareGitRemote remote;
  private LocalStore source;
  private LocalStore destination;

  @BeforeEach
  void copyFixture() {
    remote = RFixtureProject.copy(tmp);
    source = RFixtureProject.store(tmp);
    destination = new LocalStore(tmp.resolve("moved"), "p2/");
  }

  @AfterEach
  void close() {
    remote.close();
  }

  private WriterOptions options(LocalStore store) {
    return WriterOptions.builder(remote.url(), store).credentials(GitCredentials.none()).author(TestProject.AUTHOR)
        .workDir(tmp.resolve("clones")).build();
  }

  @Test
  void planCopiesObjectsFirstAndTheManifestLastWithRecordedShas() {
    StoreCopyPlan plan = StoreCopyPlan.of(source);
    assertEquals(RFixture.PROJECT, plan.projectName());
    List<CopyItem> items = plan.items();
    assertEquals(source.list("").size(), items.size());
    assertEquals(StoreKeyKind.MANIFEST, items.get(items.size() - 1).kind());
    int lastObject = -1;
    int firstDocument = Integer.MAX_VALUE;
    int firstCurrent = Integer.MAX_VALUE;
    int lastSnapshot = -1;
    for (int i = 0; i < items.size(); i++) {
      StoreKeyKind kind = items.get(i).kind();
      if (kind == StoreKeyKind.OBJECT) {
        lastObject = i;
      } else {
        firstDocument = Math.min(firstDocument, i);
      }
      if (kind == StoreKeyKind.METADATA) {
        firstCurrent = Math.min(firstCurrent, i);
      }
      if (kind == StoreKeyKind.SNAPSHOT || kind == StoreKeyKind.HISTORY) {
        lastSnapshot = i;
      }
    }
    assertTrue(lastObject < firstDocument && lastSnapshot < firstCurrent, "order: " + items);
    assertEquals(4, plan.objects().size());
    for (CopyItem object : plan.objects()) {
      assertEquals(ParquetIntegrity.sha256(source, object.key()), object.recordedParquetSha().orElseThrow(),
          "the fixture's histories record each object's parquet_sha: " + object.key());
    }
  }

  @Test
  void copiedVerifiedAndSwitchedAsRWouldThenValidAtTheNewStore() throws IOException {
    String yamlBefore = new String(remote.readFile("master", ".datom/project.yaml").orElseThrow(),
        StandardCharsets.UTF_8);
    List<CopyOutcome> outcomes = StoreCopier.copyAll(source, destination);
    assertEquals(source.list("").size(), outcomes.size());
    assertTrue(outcomes.stream().allMatch(o -> o.action() == CopyAction.COPIED));
    for (CopyOutcome outcome : outcomes) {
      assertTrue(java.util.Arrays.equals(source.read(outcome.item().key()).orElseThrow(),
          destination.read(outcome.item().key()).orElseThrow()), outcome.item().key());
    }
    CopyVerification verification = CopyVerifier.verifyAll(source, destination);
    assertTrue(verification.passed(), verification.failures().toString());

    SwitchResult result = DataStoreSwitch.apply(options(source), destination);
    assertTrue(result.switched());
    // R: read_yaml, modifyList(storage, list(data = list(type = "local", root = path_abs(path), prefix = "p2/"))),
    // write_yaml. The relocated fixture has no prefix key (a NULL prefix removed it), so prefix comes back last.
    String expected = yamlBefore.replace("    root: " + source.location().root() + "\n",
        "    root: " + tmp.resolve("moved").toAbsolutePath().normalize() + "\n    prefix: p2/\n");
    assertTrue(!expected.equals(yamlBefore), "the fixture's yaml names the source: " + yamlBefore);
    String after = new String(remote.readFile("master", ".datom/project.yaml").orElseThrow(), StandardCharsets.UTF_8);
    assertEquals(expected, after);
    assertEquals(expected, result.projectYaml());
    RevCommit tip = remote.tip("master");
    assertEquals(result.commit(), tip.getName());
    assertEquals("Update data store: " + RFixture.PROJECT, tip.getFullMessage());

    ValidationReport report = ProjectValidator.validate(options(destination), false);
    assertTrue(report.found().isEmpty(), report.found().toString());
    assertThrows(StoreMismatchException.class, () -> ProjectValidator.validate(options(source), false));

    SwitchResult again = DataStoreSwitch.apply(options(source), destination);
    assertFalse(again.switched(), "a second switch commits nothing");
    assertEquals(tip.getName(), remote.tip("master").getName());
  }

  @Test
  void aWriteAfterTheCopyStopsTheSwitchUntilTheProjectIsCopiedAgain() {
    StoreCopier.copyAll(source, destination);
    assertTrue(CopyVerifier.verifyAll(source, destination).passed());
    String head = remote.head("master").orElseThrow();
    try (DatomWriter writer = DatomWriter.open(options(source))) {
      writer.write(TestContent.of(tmp, "dm3", 40, 41, 42).request("dm").message("DM cut 3").build());
    }
    String written = remote.head("master").orElseThrow();
    assertNotEquals(head, written);

    CopyVerificationException e = assertThrows(CopyVerificationException.class,
        () -> DataStoreSwitch.apply(options(source), destination));
    assertTrue(e.failures().containsKey(StoreCopyPlan.MANIFEST_KEY), e.getMessage());
    assertTrue(e.failures().containsKey("dm/.metadata/metadata.json"), e.getMessage());
    assertEquals(written, remote.head("master").orElseThrow(), "not switched");

    StoreCopier.copyAll(source, destination);
    assertTrue(DataStoreSwitch.apply(options(source), destination).switched());
    assertTrue(ProjectValidator.validate(options(destination), false).found().isEmpty());
  }

  @Test
  void anInterruptedCopyCompletesWhenRunAgain() throws IOException {
    StoreCopyPlan plan = StoreCopyPlan.of(source);
    StoreCopier.copy(source, destination, plan.objects().get(0));
    StoreCopier.copy(source, destination, plan.objects().get(1));
    Path dmCurrent = tmp.resolve("moved/p2/datom/dm/.metadata/metadata.json");
    Files.createDirectories(dmCurrent.getParent());
    Files.writeString(dmCurrent, "{\"stale\": true}\n");

    Map<CopyAction, Long> actions = StoreCopier.copyAll(source, destination).stream()
        .collect(Collectors.groupingBy(CopyOutcome::action, Collectors.counting()));
    assertEquals(Map.of(CopyAction.PRESENT, 2L, CopyAction.REPLACED, 1L,
        CopyAction.COPIED, (long) plan.size() - 3), actions);
    assertTrue(CopyVerifier.verifyAll(source, destination).passed());
  }

  @Test
  void aDamagedObjectFailsVerificationAndTheSwitchIsNotMade() throws IOException {
    StoreCopier.copyAll(source, destination);
    Path object = tmp.resolve("moved/p2/datom/" + DM_OBJECT);
    byte[] bytes = Files.readAllBytes(object);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(object, bytes);

    CopyVerification verification = CopyVerifier.verifyAll(source, destination);
    assertEquals(List.of(DM_OBJECT), verification.failures().stream().map(c -> c.item().key()).toList());
    assertTrue(verification.failures().get(0).issue().contains("recorded parquet_sha"));
    CopyVerificationException e = assertThrows(CopyVerificationException.class, verification::requirePassed);
    assertEquals(List.of(DM_OBJECT), List.copyOf(e.failures().keySet()));
    assertTrue(e.getMessage().contains(DM_OBJECT));

    Files.write(object, new byte[] {'P', 'A', 'R', '1'});
    ObjectConflictException conflict =
        assertThrows(ObjectConflictException.class, () -> StoreCopier.copyAll(source, destination));
    assertEquals(DM_OBJECT, conflict.key());
    assertEquals(4, Files.size(object), "a copy never overwrites an object");
  }

  @Test
  void refusesADestinationHoldingAnotherProjectAndTheSameStore() {
    LocalStore other = new LocalStore(tmp.resolve("other-store"), null);
    other.writeJson(StoreCopyPlan.MANIFEST_KEY, "{\"project_name\": \"OTHER\"}");
    NamespaceOccupiedException e =
        assertThrows(NamespaceOccupiedException.class, () -> StoreCopier.copyAll(source, other));
    assertEquals("OTHER", e.existingProject());
    assertTrue(other.list("").size() == 1, "nothing was copied");
    assertThrows(IllegalArgumentException.class,
        () -> StoreCopier.copyAll(source, new LocalStore(RFixtureProject.storeDir(tmp), null)));
    assertThrows(ProjectNotInStoreException.class,
        () -> StoreCopier.copyAll(new LocalStore(tmp.resolve("empty"), null), destination));
    assertThrows(IllegalArgumentException.class,
        () -> DataStoreSwitch.apply(options(source), destination, new StoreLocation("hdfs", "nn", "x", null), null));
    assertThrows(IllegalArgumentException.class,
        () -> DataStoreSwitch.apply(options(source), destination, StoreLocation.s3("bucket", null, null), null));
  }
}
