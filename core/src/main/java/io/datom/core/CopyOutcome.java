package io.datom.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * How one key was copied.
 *
 * @param item   the key
 * @param bytes  its size at the source
 * @param action what the copy did at the destination
 */
public record CopyOutcome(CopyItem item, long bytes, CopyAction action) implements Serializable {

  public CopyOutcome {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(action, "action");
  }
}
