package io.datom.core;

import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ProjectAlreadyExistsException;
import io.datom.core.internal.format.GitIgnore;
import io.datom.core.internal.format.InitReadme;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.Names;
import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.RTimestamps;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.write.CloneLease;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates a project exactly as R's {@code datom_init_repo} does (format §1.1–1.3, §3.3, §11). */
final class ProjectCreation {

  static final String INIT_MESSAGE = "Initialize datom repository";

  private ProjectCreation() {}

  /**
   * Checks the name and the store namespace, commits the four init files, pushes them to the empty remote and then
   * mirrors the manifest to the store.
   *
   * @return the writer's clone of the new project
   * @throws io.datom.core.exceptions.InvalidNameException if the project name is invalid
   * @throws NamespaceOccupiedException if the store already holds a project and the takeover was not asked for
   * @throws ProjectAlreadyExistsException if the remote already has commits
   */
  static ProjectCheckout create(WriterOptions options, NewProject project) {
    String name = requireCreatable(options, project);
    Store store = options.store();
    LocalDateTime localNow = LocalDateTime.now(options.clock());
    LocalDate today = localNow.toLocalDate();
    StoreLocation location = store.location();
    ProjectConfig config = ProjectConfig.forInit(name, location, options.remoteUrl(), today,
        MetadataDraft.DATOM_VERSION);
    // R's pitfall, kept for byte compatibility: local wall-clock time labelled as UTC (format §3.3).
    Manifest manifest = Manifest.init(name, RTimestamps.localMislabelledAsUtc(localNow));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(ProjectLayout.PROJECT_FILE, utf8(config.toYaml()));
    files.put(ProjectLayout.MANIFEST_FILE, utf8(manifest.toGitFile()));
    files.put(ProjectLayout.GITIGNORE_FILE, utf8(GitIgnore.content()));
    files.put(ProjectLayout.README_FILE, utf8(InitReadme.render(name, location, options.remoteUrl(), today,
        MetadataDraft.DATOM_VERSION)));

    CloneLease lease = options.clonePool().acquireEmpty();
    try {
      lease.adopt(DataRepo.init(lease.dir(), options.remoteUrl(), files, INIT_MESSAGE, options.credentials().remote()));
    } catch (DataRepoException e) {
      lease.discard(e);
      if (remoteHasCommits(options)) {
        throw new ProjectAlreadyExistsException(DataRepo.redactUrl(options.remoteUrl()));
      }
      throw e;
    } catch (RuntimeException e) {
      lease.discard(e);
      throw e;
    }
    ProjectCheckout checkout = ProjectCheckout.adopt(lease, config, options);
    try {
      if (project.takeOverNamespace()) {
        // R's .force: the namespace's old manifest belongs to another project's history, so no order applies to it.
        store.writeJson(ProjectLayout.STORE_MANIFEST, manifest.toStoreJson());
      }
      String head = checkout.repo().headSha().orElseThrow();
      new StoreMirror(checkout).catchUp(List.of(), head, "project '" + name + "'");
      return checkout;
    } catch (RuntimeException e) {
      checkout.close();
      throw e;
    }
  }

  /**
   * The checks creation makes before it writes anything: a valid name and a free store namespace (unless taking it
   * over). Returns the name.
   */
  static String requireCreatable(WriterOptions options, NewProject project) {
    String name = Names.requireValid(project.name());
    if (!project.takeOverNamespace()) {
      requireNamespaceFree(options.store());
    }
    return name;
  }

  /** R's {@code .datom_check_namespace_free}, applied to every backend: a store namespace holds one project. */
  private static void requireNamespaceFree(Store store) {
    if (!store.exists(ProjectLayout.STORE_MANIFEST)) {
      return;
    }
    String existing = store.read(ProjectLayout.STORE_MANIFEST)
        .flatMap(bytes -> projectNameIn(bytes, store))
        .orElse("<unreadable>");
    throw new NamespaceOccupiedException(namespaceOf(store.location()), existing);
  }

  private static Optional<String> projectNameIn(byte[] manifest, Store store) {
    try {
      return JsonParser.parse(manifest, store.describe()) instanceof JsonObject object
          ? object.get("project_name").filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value())
          : Optional.empty();
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The namespace as R names it in the refusal, e.g. {@code s3://bucket/trial/datom/}. */
  private static String namespaceOf(StoreLocation location) {
    String base = StoreLocation.S3.equals(location.type()) ? "s3://" + location.root() : location.root();
    String prefix = location.prefix() == null || location.prefix().isEmpty()
        ? "" : location.prefix().replaceAll("/+$", "") + "/";
    return base + "/" + prefix + "datom/";
  }

  private static boolean remoteHasCommits(WriterOptions options) {
    try {
      return DataRepo.remoteHasCommits(options.remoteUrl(), options.credentials().remote());
    } catch (DataRepoException unreachable) {
      return false;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
