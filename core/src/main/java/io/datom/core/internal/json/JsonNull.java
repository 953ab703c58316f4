package io.datom.core.internal.json;

/**
 * R's {@code NULL}, which jsonlite writes as {@code {}} (not {@code null}). A parsed JSON {@code null} becomes this
 * value, so {@code null} in a file re-serialises as {@code {}} (format §2.3).
 */
public enum JsonNull implements JsonValue {
  NULL
}
