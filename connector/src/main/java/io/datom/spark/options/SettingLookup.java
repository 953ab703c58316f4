package io.datom.spark.options;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The one precedence of datom's settings, for reads, writes and catalogs alike: the operation's option, then the
 * catalog's option ({@code spark.sql.catalog.<name>.<option>}, for tables loaded through a catalog), then the
 * session's configuration, then the caller's default. The first source that gives a non-blank value wins. Values are
 * trimmed, except free text ({@link #text}), whose spaces are part of it.
 */
final class SettingLookup {

  private final CaseInsensitiveStringMap options;
  private final CaseInsensitiveStringMap catalogOptions;
  private final UnaryOperator<String> session;

  /**
   * @param options the operation's options
   * @param catalogOptions the options of the catalog the table was loaded from; empty for {@code format("datom")}
   * @param session the session's configuration: the value of a key, or null
   */
  SettingLookup(CaseInsensitiveStringMap options, CaseInsensitiveStringMap catalogOptions,
      UnaryOperator<String> session) {
    this.options = options;
    this.catalogOptions = catalogOptions;
    this.session = session;
  }

  /** The operation's options as given. */
  CaseInsensitiveStringMap options() {
    return options;
  }

  /** The operation's option {@code name}, exactly as given (null when absent): for checks of the raw text. */
  String given(String name) {
    return options.get(name);
  }

  /** The operation's option {@code name}, trimmed. */
  Optional<String> option(String name) {
    return trimmed(options.get(name));
  }

  /** Option {@code name}, else the catalog's, trimmed. */
  Optional<String> setting(String name) {
    return option(name).or(() -> trimmed(catalogOptions.get(name)));
  }

  /** Option {@code name}, else the catalog's, else session configuration {@code sessionKey}, trimmed. */
  Optional<String> setting(String name, String sessionKey) {
    return setting(name).or(() -> session(sessionKey));
  }

  /** Session configuration {@code key}, trimmed. */
  Optional<String> session(String key) {
    return trimmed(session.apply(key));
  }

  /** Free text: option {@code name} as given (not trimmed), else session configuration {@code sessionKey}. */
  Optional<String> text(String name, String sessionKey) {
    return text(name).or(() -> session(sessionKey));
  }

  /** Free text: option {@code name} as given (not trimmed). */
  Optional<String> text(String name) {
    return Optional.ofNullable(options.get(name)).filter(value -> !value.isBlank());
  }

  private static Optional<String> trimmed(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
