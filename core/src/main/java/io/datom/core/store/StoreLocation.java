package io.datom.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a project's data store is, as recorded in {@code .datom/project.yaml} ({@code storage.data}) and
 * {@code ref.json}: a type, a root (bucket name or absolute local path), an optional prefix and, for S3, a region.
 *
 * @param type   {@code "local"} or {@code "s3"}
 * @param root   bucket name, or an absolute local path
 * @param prefix prefix inside the root, or {@code null} for none; kept exactly as given (R does not normalise it)
 * @param region S3 region, or {@code null} for local stores
 */
public record StoreLocation(String type, String root, String prefix, String region) {

  public static final String LOCAL = "local";
  public static final String S3 = "s3";

  public StoreLocation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(root, "root");
  }

  public static StoreLocation local(String absoluteRoot, String prefix) {
    return new StoreLocation(LOCAL, absoluteRoot, prefix, null);
  }

  public static StoreLocation s3(String bucket, String prefix, String region) {
    return new StoreLocation(S3, bucket, prefix, region);
  }

  /**
   * The prefix by R's rule (§1.2): null and empty mean "no prefix"; anything else is kept as is, so {@code trial/}
   * and {@code trial} are different prefixes when locations are compared.
   */
  public Optional<String> normalizedPrefix() {
    return prefix == null || prefix.isEmpty() ? Optional.empty() : Optional.of(prefix);
  }

  /** Whether two locations name the same namespace by R's rule: equal roots and equal normalised prefixes. */
  public boolean sameNamespaceAs(StoreLocation other) {
    return root.equals(other.root) && normalizedPrefix().equals(other.normalizedPrefix());
  }

  /** The location for messages and logs: {@code s3://bucket/prefix} or the local path. */
  public String describe() {
    String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    String suffix = p.isEmpty() ? "" : "/" + p;
    return S3.equals(type) ? "s3://" + root + suffix : root + suffix;
  }
}
