package io.datom.core;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The verification of one copied key.
 *
 * @param item  the key
 * @param bytes its size at the source
 * @param ok    whether the destination holds what it should
 * @param issue what is wrong when not ok (never a cell value or a secret), else {@code null}
 */
public record KeyCheck(CopyItem item, long bytes, boolean ok, String issue) implements Serializable {

  public KeyCheck {
    Objects.requireNonNull(item, "item");
  }

  static KeyCheck passed(CopyItem item, long bytes) {
    return new KeyCheck(item, bytes, true, null);
  }

  static KeyCheck failed(CopyItem item, long bytes, String issue) {
    return new KeyCheck(item, bytes, false, issue);
  }

  /** What is wrong, when the check failed. */
  public Optional<String> problem() {
    return Optional.ofNullable(issue);
  }
}
