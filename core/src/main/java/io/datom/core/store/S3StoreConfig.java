package io.datom.core.store;

import java.net.URI;
import java.util.Objects;

/**
 * Everything an {@link S3Store} needs: the bucket, prefix and region of the project's data store (format §1.2), an
 * optional endpoint for S3-compatible services, and credentials. Build one with {@link #builder(String)}.
 *
 * @param bucket                the bucket ({@code storage.data.root})
 * @param prefix                prefix inside the bucket exactly as configured, or {@code null} for none
 * @param region                the bucket's region, e.g. {@code us-east-1}
 * @param endpoint              endpoint override (MinIO, s3proxy, …), or {@code null} for AWS
 * @param pathStyle             whether to address the bucket in the path rather than the host name
 * @param credentials           how to authenticate; redacted in {@link #toString()}
 * @param multipartThreshold    files larger than this many bytes are uploaded in parts
 * @param partSize              size of each part of a multipart upload, at least 5 MiB
 * @param uploadConcurrency     how many parts of one multipart upload go up at once, at least 1
 */
public record S3StoreConfig(
    String bucket,
    String prefix,
    String region,
    URI endpoint,
    boolean pathStyle,
    S3Credentials credentials,
    long multipartThreshold,
    long partSize,
    int uploadConcurrency) {

  /** S3's smallest allowed part (all but the last). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  /** Default threshold above which {@link S3Store#putIfAbsent} uploads in parts. */
  public static final long DEFAULT_MULTIPART_THRESHOLD = 64L * 1024 * 1024;
  /** Default size of one uploaded part. */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
  /** Default number of parts uploaded at once: enough to keep a network link busy, few enough to share a host. */
  public static final int DEFAULT_UPLOAD_CONCURRENCY = 4;

  public S3StoreConfig {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    if (bucket.isBlank()) {
      throw new IllegalArgumentException("The S3 bucket name must not be blank.");
    }
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + " bytes, was " + partSize);
    }
    if (uploadConcurrency < 1) {
      throw new IllegalArgumentException("uploadConcurrency must be at least 1, was " + uploadConcurrency);
    }
    if (multipartThreshold < partSize) {
      throw new IllegalArgumentException(
          "multipartThreshold (" + multipartThreshold + ") must not be below partSize (" + partSize + ")");
    }
  }

  /** A builder for {@code bucket} with region {@code us-east-1}, no prefix, AWS's endpoint and default credentials. */
  public static Builder builder(String bucket) {
    return new Builder(bucket);
  }

  /** The store location this configuration describes (never holds credentials). */
  public StoreLocation location() {
    return StoreLocation.s3(bucket, prefix, region);
  }

  /** Builder of {@link S3StoreConfig}. */
  public static final class Builder {
    private final String bucket;
    private String prefix;
    private String region = "us-east-1";
    private URI endpoint;
    private boolean pathStyle;
    private S3Credentials credentials = S3Credentials.defaultChain();
    private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
    private long partSize = DEFAULT_PART_SIZE;
    private int uploadConcurrency = DEFAULT_UPLOAD_CONCURRENCY;

    private Builder(String bucket) {
      this.bucket = bucket;
    }

    /** Prefix inside the bucket exactly as configured; {@code null} or empty for none. */
    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** The bucket's region. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Endpoint of an S3-compatible service; {@code null} for AWS. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Address the bucket in the URL path ({@code http://host/bucket/key}), as most S3-compatible services need. */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /** How to authenticate. */
    public Builder credentials(S3Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Files larger than this are uploaded in parts of {@code partSize} bytes. */
    public Builder multipart(long threshold, long partSize) {
      this.multipartThreshold = threshold;
      this.partSize = partSize;
      return this;
    }

    /** How many parts of one multipart upload go up at once (threads of the uploading JVM). */
    public Builder uploadConcurrency(int uploadConcurrency) {
      this.uploadConcurrency = uploadConcurrency;
      return this;
    }

    /** The configuration. */
    public S3StoreConfig build() {
      return new S3StoreConfig(
          bucket, prefix, region, endpoint, pathStyle, credentials, multipartThreshold, partSize,
          uploadConcurrency);
    }
  }
}
