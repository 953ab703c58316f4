package io.datom.core.internal.format;

import io.datom.core.internal.json.JsonObject;
import java.util.Objects;

/**
 * The author of a version, from the data repository's git config, recorded in {@code version_history.json} as
 * {@code {"name": ..., "email": ...}} (format §3.2). When R cannot read the identity it records the string
 * {@code "unknown"} instead; see {@link HistoryEntry#author()}.
 */
public record Author(String name, String email) {

  public Author {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** The history field's object form. */
  public JsonObject toJson() {
    return JsonObject.builder().put("name", name).put("email", email).build();
  }
}
