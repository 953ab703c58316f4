package io.datom.core;

import io.datom.core.exceptions.CopyVerificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification of a project's copy: one {@link KeyCheck} per key of the source.
 *
 * @param destination the destination store, for messages
 * @param checks      one per key, in copy order
 */
public record CopyVerification(String destination, List<KeyCheck> checks) {

  public CopyVerification {
    checks = List.copyOf(checks);
  }

  /** Whether every key verified. */
  public boolean passed() {
    return checks.stream().allMatch(KeyCheck::ok);
  }

  /** The failed checks. */
  public List<KeyCheck> failures() {
    return checks.stream().filter(check -> !check.ok()).toList();
  }

  /**
   * Returns normally when every key verified.
   *
   * @throws CopyVerificationException naming every failed key and its issue
   */
  public void requirePassed() {
    if (!passed()) {
      Map<String, String> failures = new LinkedHashMap<>();
      failures().forEach(check -> failures.put(check.item().key(), check.issue()));
      throw new CopyVerificationException(destination, failures);
    }
  }
}
