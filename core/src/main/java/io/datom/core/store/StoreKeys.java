package io.datom.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The store key builder of format §1.4, shared by every backend and by the governance store: strip leading and
 * trailing {@code /} from the prefix and from each segment, build {@code [prefix, "datom", segments...]}, drop the
 * empty parts and join them with {@code /}.
 */
final class StoreKeys {

  /** The fixed namespace segment that follows the prefix. */
  public static final String NAMESPACE = "datom";

  private StoreKeys() {}

  /**
   * The physical key for {@code segments} under {@code prefix}, e.g. {@code build("trial/", "dm/a.parquet")} is
   * {@code trial/datom/dm/a.parquet} and {@code build(null, ".metadata", "manifest.json")} is
   * {@code datom/.metadata/manifest.json}.
   *
   * @param prefix the store prefix exactly as configured; {@code null} or empty for none
   * @param segments logical key parts; a segment may itself contain inner slashes
   */
  public static String build(String prefix, String... segments) {
    List<String> parts = new ArrayList<>(segments.length + 2);
    parts.add(strip(prefix));
    parts.add(NAMESPACE);
    for (String segment : segments) {
      parts.add(strip(segment));
    }
    parts.removeIf(String::isEmpty);
    return String.join("/", parts);
  }

  /**
   * The key prefix that every object of the namespace starts with, ending in {@code /}: {@code trial/datom/} or
   * {@code datom/}. Listing under it and cutting it off gives logical keys.
   */
  public static String namespacePrefix(String prefix) {
    return build(prefix) + "/";
  }

  private static String strip(String part) {
    if (part == null) {
      return "";
    }
    int start = 0;
    int end = part.length();
    while (start < end && part.charAt(start) == '/') {
      start++;
    }
    while (end > start && part.charAt(end - 1) == '/') {
      end--;
    }
    return part.substring(start, end);
  }
}
