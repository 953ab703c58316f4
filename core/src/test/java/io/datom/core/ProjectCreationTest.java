package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidNameException;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ProjectAlreadyExistsException;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Project creation, as R's {@code datom_init_repo} (format §1.1–1.3, §3.3, §11). */
@ExtendWith(S3ProxyExtension.class)
class ProjectCreationTest {

  private static S3ProxyServer s3;
  private static GitHttpServer http;

  @TempDir Path tmp;

  @BeforeAll
  static void servers(S3ProxyServer server) {
    s3 = server;
    http = GitHttpServer.start("init-token");
  }

  @AfterAll
  static void stopGit() {
    http.close();
  }

  @Test
  void createsTheFourInitFilesInOneCommitAndMirrorsTheManifest() throws Exception {
    try (TestProject project = TestProject.s3(s3, http, tmp);
        DatomWriter writer = project.create()) {
      assertEquals(TestProject.NAME, writer.projectName());
      RevCommit init = project.remote.tip("master");
      assertEquals("Initialize datom repository", init.getFullMessage());
      assertEquals(0, init.getParentCount());
      assertEquals(List.of(".datom/manifest.json", ".datom/project.yaml", ".gitignore", "README.md"), files(project));

      String yaml = project.gitFile(".datom/project.yaml").orElseThrow();
      assertTrue(yaml.contains("  data:\n    type: s3\n    root: " + project.store.location().root()
          + "\n    prefix: trial/\n    region: us-east-1\n"), yaml);
      assertTrue(yaml.contains("    remote_url: " + project.remote.url() + "\n"), yaml);

      String manifest = project.gitFile(".datom/manifest.json").orElseThrow();
      assertEquals(Optional.of(manifest.substring(0, manifest.length() - 1)),
          project.storeText(".metadata/manifest.json"), "S3 JSON has no trailing newline");
    }
  }

  @Test
  void theInitManifestCarriesLocalTimeLabelledUtcAndTheYamlTheLocalDate() {
    try (TestProject project = TestProject.local(tmp)) {
      // 23:30 on 1 March in New York is 04:30 on 2 March UTC; R writes the local time with a Z.
      MutableClock newYork = new MutableClock(Instant.parse("2026-03-02T04:30:00Z"), ZoneId.of("America/New_York"));
      try (DatomWriter writer = DatomWriter.create(project.options().clock(newYork).build(),
          NewProject.named(TestProject.NAME))) {
        assertTrue(project.gitFile(".datom/manifest.json").orElseThrow()
            .contains("\"updated_at\": \"2026-03-01T23:30:00Z\""));
        assertTrue(project.gitFile(".datom/project.yaml").orElseThrow().contains("created_at: '2026-03-01'"));
        assertEquals(project.gitFile(".datom/manifest.json"), project.storeText(".metadata/manifest.json"));
      }
    }
  }

  @Test
  void refusesAStoreNamespaceThatHoldsAProjectUnlessToldToTakeItOver() {
    try (TestProject first = TestProject.local(tmp);
        DatomWriter unused = first.create();
        TestProject second = TestProject.local(tmp)) {
      var storeBefore = first.storeContents();

      NamespaceOccupiedException e = assertThrows(NamespaceOccupiedException.class,
          () -> DatomWriter.create(second.options().build(), NewProject.named("OTHER")));

      assertEquals(TestProject.NAME, e.existingProject());
      assertTrue(e.getMessage().startsWith("Store namespace is already occupied by project \"STUDY_001\"."),
          e.getMessage());
      assertEquals(first.store.location().root() + "/datom/", e.location());
      assertEquals(Optional.empty(), second.head(), "nothing was pushed");
      assertEquals(storeBefore, first.storeContents());

      try (DatomWriter takeover = DatomWriter.create(second.options().build(),
          NewProject.named("OTHER").takingOverNamespace())) {
        assertTrue(second.storeText(".metadata/manifest.json").orElseThrow().contains("\"OTHER\""));
      }
    }
  }

  @Test
  void refusesARemoteThatAlreadyHasCommits() {
    try (TestProject project = TestProject.local(tmp); DatomWriter unused = project.create()) {
      String head = project.head().orElseThrow();
      project.store.delete(".metadata/manifest.json");
      project.clock.advance(java.time.Duration.ofSeconds(1)); // else the init commit would be the very same commit

      assertThrows(ProjectAlreadyExistsException.class, project::create);

      assertEquals(Optional.of(head), project.head());
      assertEquals(Optional.empty(), project.storeText(".metadata/manifest.json"));
    }
  }

  @Test
  void refusesAnInvalidProjectNameWithRsMessage() {
    try (TestProject project = TestProject.local(tmp)) {
      InvalidNameException e = assertThrows(InvalidNameException.class,
          () -> DatomWriter.create(project.options().build(), NewProject.named("1study")));
      assertEquals("`name` must start with a letter. Got: \"1study\"", e.getMessage());
      assertEquals(Optional.empty(), project.head());
      assertTrue(project.storeContents().isEmpty());
    }
  }

  @Test
  void openOrCreateCreatesAnEmptyRemoteAndOpensAnExistingOne() {
    try (TestProject project = TestProject.local(tmp)) {
      try (DatomWriter created = DatomWriter.openOrCreate(project.options().build(), NewProject.named("NEW"))) {
        created.write(TestContent.of(tmp, "v1", 1, 2).request("dm").build());
      }
      String head = project.head().orElseThrow();
      try (DatomWriter opened = DatomWriter.openOrCreate(project.options().build(), NewProject.named("IGNORED"))) {
        assertEquals("NEW", opened.projectName());
      }
      assertEquals(Optional.of(head), project.head());
    }
  }

  @Test
  void writersCreatingOneProjectAtOnceAllOpenItAndItsStoreHoldsTheManifest() throws Exception {
    int writers = 4;
    try (TestProject project = TestProject.local(tmp)) {
      CyclicBarrier start = new CyclicBarrier(writers);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<String>> opened = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String table = "t" + w;
          opened.add(pool.submit(() -> {
            start.await();
            try (DatomWriter writer = DatomWriter.openOrCreate(
                project.options().retryPolicy(RetryPolicy.within(Duration.ofMinutes(2)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400)))
                    .build(), NewProject.named("RACE"))) {
              writer.write(TestContent.of(tmp.resolve(table), "v1", 1, 2).request(table).build());
              return writer.projectName();
            }
          }));
        }
        for (Future<String> name : opened) {
          assertEquals("RACE", name.get(2, TimeUnit.MINUTES));
        }
      } finally {
        pool.shutdownNow();
      }
      ProjectAssertions.assertConsistent(project, List.of("t0", "t1", "t2", "t3"));
    }
  }

  private static List<String> files(TestProject project) throws Exception {
    try (var repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
            .setGitDir(project.remote.directory().toFile()).build();
        TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(project.remote.tip("master").getTree());
      walk.setRecursive(true);
      List<String> paths = new java.util.ArrayList<>();
      while (walk.next()) {
        paths.add(walk.getPathString());
      }
      return paths;
    }
  }
}
