package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.store.StoreLocation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The project identity file {@code .datom/project.yaml} (format §1.2). Written byte-identical to R's
 * {@code yaml::write_yaml}; read tolerantly like R's {@code datom_get_conn}, which consults only
 * {@code project_name}, {@code storage.data.root} and {@code storage.data.prefix} and accepts the legacy layout
 * where {@code storage} itself is the data block. The whole parsed tree is kept, so a rewrite preserves every other
 * field, e.g. an old {@code storage.governance}.
 */
public final class ProjectConfig {

  /** {@code storage.max_file_size_gb} at init: R's default, written as the float {@code 1000.0}. */
  public static final double DEFAULT_MAX_FILE_SIZE_GB = 1000;

  private final Map<String, Object> tree;

  private ProjectConfig(Map<String, Object> tree) {
    this.tree = tree;
  }

  /**
   * The file {@code datom_init_repo} writes.
   *
   * @param projectName  a valid project name (see {@link Names#requireValid})
   * @param dataStore    the data store; for a local store the root must already be an absolute path. A null prefix is
   *                     written {@code ~}; the region is written for S3 only
   * @param remoteUrl    the data repository's git remote
   * @param createdAt    the local date of the init
   * @param datomVersion the writer's version string, e.g. {@code 0.1.1}
   */
  public static ProjectConfig forInit(String projectName, StoreLocation dataStore, String remoteUrl,
      LocalDate createdAt, String datomVersion) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", dataStore.type());
    data.put("root", dataStore.root());
    data.put("prefix", dataStore.prefix());
    if (StoreLocation.S3.equals(dataStore.type())) {
      data.put("region", dataStore.region());
    }
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("data", data);
    storage.put("max_file_size_gb", DEFAULT_MAX_FILE_SIZE_GB);
    Map<String, Object> sync = new LinkedHashMap<>();
    sync.put("continue_on_error", true);
    sync.put("parallel_uploads", 4);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("project_name", Objects.requireNonNull(projectName, "projectName"));
    tree.put("project_description", "");
    tree.put("created_at", createdAt.toString());
    tree.put("datom_version", Objects.requireNonNull(datomVersion, "datomVersion"));
    tree.put("storage", storage);
    tree.put("repos", Map.of("data", Map.of("remote_url", Objects.requireNonNull(remoteUrl, "remoteUrl"))));
    tree.put("sync", sync);
    tree.put("renv", false);
    return new ProjectConfig(tree);
  }

  /**
   * Reads {@code project.yaml}.
   *
   * @param source the file, for error messages
   * @throws InvalidDatomFileException if the text is not YAML, not a mapping, or has no {@code project_name}
   */
  public static ProjectConfig parse(String yaml, String source) {
    Object root;
    try {
      root = rYamlReader().load(yaml);
    } catch (YAMLException e) {
      throw new InvalidDatomFileException(source, "Invalid project.yaml " + source + ": " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new InvalidDatomFileException(source, "Invalid project.yaml " + source + ": expected a mapping.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) map;
    ProjectConfig config = new ProjectConfig(tree);
    if (!(tree.get("project_name") instanceof String name) || name.isEmpty()) {
      throw new InvalidDatomFileException(source, "Invalid project.yaml: missing project_name. (" + source + ")");
    }
    return config;
  }

  /** SnakeYAML set up to type scalars as R's yaml does; in particular dates stay strings. */
  private static Yaml rYamlReader() {
    LoaderOptions options = new LoaderOptions();
    Resolver withoutTimestamps = new Resolver() {
      @Override
      protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
      }
    };
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
        withoutTimestamps);
  }

  /** {@code project_name}. */
  public String projectName() {
    return (String) tree.get("project_name");
  }

  /** {@code repos.data.remote_url}. */
  public Optional<String> remoteUrl() {
    return map(tree.get("repos")).flatMap(repos -> map(repos.get("data")))
        .flatMap(data -> Optional.ofNullable(data.get("remote_url"))).map(Object::toString);
  }

  /** {@code storage.data.type} ({@code s3} or {@code local}). */
  public Optional<String> dataType() {
    return dataBlock().flatMap(data -> Optional.ofNullable(data.get("type"))).map(Object::toString);
  }

  /** {@code storage.data.root}: the bucket, or the absolute local path. */
  public Optional<String> dataRoot() {
    return dataBlock().flatMap(data -> Optional.ofNullable(data.get("root"))).map(Object::toString);
  }

  /** {@code storage.data.prefix}, normalised: null, missing, {@code {}} and {@code ''} all mean none. */
  public Optional<String> dataPrefix() {
    return dataBlock().flatMap(data -> StorePrefixes.fromYaml(data.get("prefix")));
  }

  /** {@code storage.data.region}, S3 only. */
  public Optional<String> dataRegion() {
    return dataBlock().flatMap(data -> Optional.ofNullable(data.get("region"))).map(Object::toString);
  }

  /**
   * Whether this file locates {@code store} by R's developer-connection check: when the file has a {@code storage}
   * block, its root (if any) must equal the store's root exactly and the normalised prefixes must be equal.
   */
  public boolean locates(StoreLocation store) {
    if (tree.get("storage") == null) {
      return true;
    }
    boolean rootMatches = dataRoot().map(store.root()::equals).orElse(true);
    // R compares prefixes after .datom_normalize_prefix only: "trial/" and "trial" differ.
    return rootMatches && dataPrefix().equals(StorePrefixes.fromYaml(store.prefix()));
  }

  /** The data block: {@code storage.data}, or {@code storage} itself in the legacy layout. */
  private Optional<Map<String, Object>> dataBlock() {
    Optional<Map<String, Object>> storage = map(tree.get("storage"));
    return storage.flatMap(s -> map(s.get("data"))).or(() -> storage);
  }

  /**
   * This file pointing at another data store, as {@code datom_repo_set_data_store} does with R's
   * {@code modifyList}: only {@code storage.data}'s {@code type}, {@code root}, {@code prefix} and (S3 only)
   * {@code region} change, in place. A null prefix <em>removes</em> the {@code prefix} key rather than writing
   * {@code ~}; an old {@code region} stays when switching to a local store.
   */
  public ProjectConfig withDataStore(StoreLocation store) {
    Map<String, Object> newData = new LinkedHashMap<>();
    newData.put("type", store.type());
    newData.put("root", store.root());
    newData.put("prefix", store.prefix());
    if (StoreLocation.S3.equals(store.type())) {
      newData.put("region", store.region());
    }
    Map<String, Object> storage = map(tree.get("storage")).map(LinkedHashMap::new).orElseGet(LinkedHashMap::new);
    Map<String, Object> updated = new LinkedHashMap<>(tree);
    updated.put("storage", modifyList(storage, Map.of("data", newData)));
    return new ProjectConfig(updated);
  }

  /** R's {@code utils::modifyList}: merge named lists recursively; a null value removes the key. */
  private static Map<String, Object> modifyList(Map<String, Object> x, Map<String, Object> values) {
    Map<String, Object> result = new LinkedHashMap<>(x);
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Optional<Map<String, Object>> existing = map(result.get(key));
      if (existing.isPresent() && value instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) value;
        result.put(key, modifyList(existing.get(), nested));
      } else if (value == null) {
        result.remove(key);
      } else {
        result.put(key, value);
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> map(Object value) {
    return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
  }

  /** The file's bytes as R writes them (UTF-8, ends with a newline). */
  public String toYaml() {
    return RYamlEmitter.write(tree);
  }
}
