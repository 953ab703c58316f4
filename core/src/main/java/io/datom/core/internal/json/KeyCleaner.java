package io.datom.core.internal.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jsonlite's {@code cleannames}: an empty key becomes its 1-based position, then R's {@code make.unique} renames
 * later duplicates to {@code key.1}, {@code key.2}, … skipping names already in use.
 */
final class KeyCleaner {

  private KeyCleaner() {}

  static List<String> clean(List<String> keys) {
    List<String> names = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      names.add(keys.get(i).isEmpty() ? Integer.toString(i + 1) : keys.get(i));
    }
    return makeUnique(names);
  }

  /** R's {@code make.unique(names, sep = ".")}, following the algorithm of R's C implementation. */
  static List<String> makeUnique(List<String> names) {
    int n = names.size();
    List<String> result = new ArrayList<>(names);
    Set<String> inUse = new HashSet<>(names);
    Set<String> seen = new HashSet<>();
    Map<String, Integer> nextSuffix = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String name = names.get(i);
      if (seen.add(name)) {
        continue;
      }
      int suffix = nextSuffix.getOrDefault(name, 1);
      String candidate = name + "." + suffix;
      while (inUse.contains(candidate) && suffix < n) {
        suffix++;
        candidate = name + "." + suffix;
      }
      result.set(i, candidate);
      inUse.add(candidate);
      nextSuffix.put(name, suffix + 1);
    }
    return result;
  }
}
