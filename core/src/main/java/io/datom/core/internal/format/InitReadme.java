package io.datom.core.internal.format;

import io.datom.core.store.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/**
 * The {@code README.md} {@code datom_init_repo} writes: R's {@code inst/templates/README.md} rendered for the
 * project. Not format-relevant, but kept identical so that a Java-initialised repository looks like an R one.
 */
public final class InitReadme {

  private static final String TEMPLATE = "init-readme.md";

  private InitReadme() {}

  /**
   * The rendered file, ending with one newline.
   *
   * @param dataStore the project's data store, as recorded in {@code project.yaml}
   * @param createdAt the local date of the init
   */
  public static String render(String projectName, StoreLocation dataStore, String remoteUrl, LocalDate createdAt,
      String datomVersion) {
    String prefix = dataStore.prefix();
    String prefixCode = prefix == null ? "NULL" : "\"" + prefix + "\"";
    String region = dataStore.region() == null ? "*(n/a)*" : dataStore.region();
    String storeConstructor = StoreLocation.LOCAL.equals(dataStore.type())
        ? "datom_store_local(\"" + dataStore.root() + "\", " + prefixCode + ")"
        : "datom_store_s3(\"" + dataStore.root() + "\", " + prefixCode + ", \"" + region
            + "\", access_key = \"...\", secret_key = \"...\")";
    Map<String, String> values = Map.of(
        "project_name", projectName,
        "backend", dataStore.type(),
        "root", dataStore.root(),
        "prefix_display", prefix == null ? "*(none)*" : "`" + prefix + "`",
        "region", region,
        "remote_url", remoteUrl,
        "store_constructor", storeConstructor,
        // datom_init_repo never attaches governance, so the snippets always say NULL.
        "gov_constructor", "NULL",
        "created_at", createdAt.toString(),
        "datom_version", datomVersion);
    String text = template().stripTrailing();
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{{" + value.getKey() + "}}}", value.getValue());
    }
    return text + "\n";
  }

  private static String template() {
    try (InputStream in = InitReadme.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + TEMPLATE + " next to " + InitReadme.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
