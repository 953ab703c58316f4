package io.datom.spark.store;

import io.datom.core.store.S3Credentials;
import io.datom.core.store.S3Store;
import io.datom.core.store.S3StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * An S3 client for an {@code s3a://} store, configured from the same {@code fs.s3a.*} settings (per-bucket ones
 * first) as Hadoop's S3A filesystem, for what S3A cannot do: the conditional replacement of mirror documents
 * ({@code If-Match}), which Hadoop 3.3 and 3.4 do not expose.
 */
final class S3aStores {

  /** One client per configuration for the JVM's life, as S3A caches its filesystems: stores are opened per operation. */
  private static final ConcurrentHashMap<S3StoreConfig, S3Store> OPEN = new ConcurrentHashMap<>();

  private S3aStores() {}

  /** A core {@link S3Store} over the bucket and prefix of {@code storePath}, for mirror documents only; shared. */
  static S3Store forMirror(Configuration conf, Path storePath) {
    return OPEN.computeIfAbsent(configOf(conf, storePath), S3Store::new);
  }

  private static S3StoreConfig configOf(Configuration conf, Path storePath) {
    URI uri = storePath.toUri();
    String bucket = uri.getHost();
    String prefix = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    S3StoreConfig.Builder config = S3StoreConfig.builder(bucket)
        .prefix(prefix.isEmpty() ? null : prefix)
        .pathStyle(Boolean.parseBoolean(setting(conf, bucket, "path.style.access", "false")))
        .credentials(credentials(conf, bucket));
    String region = setting(conf, bucket, "endpoint.region", null);
    if (region != null && !region.isBlank()) {
      config.region(region);
    }
    String endpoint = setting(conf, bucket, "endpoint", null);
    if (endpoint != null && !endpoint.isBlank()) {
      boolean ssl = Boolean.parseBoolean(setting(conf, bucket, "connection.ssl.enabled", "true"));
      config.endpoint(URI.create(endpoint.contains("://") ? endpoint : (ssl ? "https://" : "http://") + endpoint));
    }
    return config.build();
  }

  /** Explicit keys when S3A has them (through Hadoop's credential providers too), else AWS's default chain. */
  private static S3Credentials credentials(Configuration conf, String bucket) {
    String access = secret(conf, bucket, "access.key");
    String secret = secret(conf, bucket, "secret.key");
    if (access == null || secret == null) {
      return S3Credentials.defaultChain();
    }
    String session = secret(conf, bucket, "session.token");
    return session == null ? S3Credentials.of(access, secret) : S3Credentials.of(access, secret, session);
  }

  private static String setting(Configuration conf, String bucket, String name, String fallback) {
    String perBucket = conf.getTrimmed("fs.s3a.bucket." + bucket + "." + name);
    return perBucket != null ? perBucket : conf.getTrimmed("fs.s3a." + name, fallback);
  }

  private static String secret(Configuration conf, String bucket, String name) {
    try {
      for (String key : new String[] {"fs.s3a.bucket." + bucket + "." + name, "fs.s3a." + name}) {
        char[] value = conf.getPassword(key);
        if (value != null && value.length > 0) {
          return new String(value).trim();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the S3A setting fs.s3a." + name + " of bucket " + bucket, e);
    }
  }
}
