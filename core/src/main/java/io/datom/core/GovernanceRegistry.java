package io.datom.core;

import io.datom.core.exceptions.ProjectNotRegisteredException;
import io.datom.core.internal.format.DataLocationRef;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of a governance store (format §1.5, §3.5): which projects are registered, and where each one's data
 * currently lives according to its {@code projects/{name}/ref.json}. datom never writes these files. Immutable; each
 * method reads the store afresh.
 */
public final class GovernanceRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(GovernanceRegistry.class);
  private static final String PROJECTS = "projects/";
  private static final Pattern REF_KEY = Pattern.compile("projects/([^/]+)/ref\\.json");

  private final Store store;

  private GovernanceRegistry(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The registry in the governance store {@code store} (its root plus prefix). Does no I/O. */
  public static GovernanceRegistry open(Store store) {
    return new GovernanceRegistry(store);
  }

  /** The governance store. */
  public Store store() {
    return store;
  }

  /**
   * The registered projects, sorted: every folder under {@code projects/} holding a {@code ref.json} (R's
   * {@code datom_projects}). One listing of the store.
   */
  public List<String> projects() {
    return store.list(PROJECTS).stream()
        .map(REF_KEY::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The project's {@code ref.json}. One store read. Logs R's warning when the project was migrated from an earlier
   * location.
   *
   * @throws ProjectNotRegisteredException when the project has no {@code ref.json}, listing those that have one
   * @throws io.datom.core.exceptions.InvalidDatomFileException when the file has no {@code current.root}
   */
  DataLocationRef ref(String project) {
    String key = PROJECTS + project + "/ref.json";
    byte[] bytes =
        store.read(key).orElseThrow(() -> new ProjectNotRegisteredException(project, store.describe(), projects()));
    DataLocationRef ref = DataLocationRef.parse(new String(bytes, StandardCharsets.UTF_8), store.describe() + " " + key);
    ref.migrationWarning().ifPresent(warning -> LOG.warn("{}: {}", project, warning));
    return ref;
  }

  /** Where the project's data store currently is: {@code ref.json}'s {@code current} location. One store read. */
  public StoreLocation dataLocation(String project) {
    return ref(project).location();
  }
}
