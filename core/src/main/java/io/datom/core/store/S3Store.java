package io.datom.core.store;

import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A store in an S3 bucket (or an S3-compatible service): {@code s3://{bucket}/{prefix}/datom/{key}}, written the way
 * the R package writes it (format §1.4, §2.1): JSON with content type {@code application/json} and no trailing
 * newline, existence by {@code HeadObject}, listing by {@code ListObjectsV2} pages of 1000.
 *
 * <p>{@link #putIfAbsent} is a conditional write ({@code If-None-Match: *}) that S3 evaluates atomically: of several
 * concurrent writers of one key exactly one wins, and no reader ever sees a partial object. Files above the configured
 * threshold go up as a multipart upload whose completion carries the condition.
 */
public final class S3Store implements Store {

  static final String JSON_CONTENT_TYPE = "application/json";
  /** What S3 records for an object uploaded without a content type, as R uploads parquet files. */
  static final String UNTYPED_CONTENT_TYPE = "binary/octet-stream";
  /** S3 answers 409 ConditionalRequestConflict while another conditional write of the key is in flight: retry. */
  static final int CONFLICT_ATTEMPTS = 6;
  /** User metadata ({@code x-amz-meta-…}) naming the commit a mirror document reflects; R neither writes nor reads it. */
  static final String MIRROR_COMMIT_METADATA = "datom-mirror-commit";
  private static final int MAX_KEYS = 1000;

  private final S3StoreConfig config;
  private final S3Client client;
  private final String namespacePrefix;
  private final S3Failures failures;
  private final S3BucketCheck bucketCheck;

  /** A store over a new S3 client built from {@code config}; {@link #close()} releases it. */
  public S3Store(S3StoreConfig config) {
    this.config = config;
    this.client = newClient(config);
    this.namespacePrefix = StoreKeys.namespacePrefix(config.prefix());
    this.failures = new S3Failures(config.location().describe(), config.bucket(), config.credentials());
    this.bucketCheck = new S3BucketCheck(client, config.bucket(), failures);
  }

  private static S3Client newClient(S3StoreConfig config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(config.region()))
            .credentialsProvider(config.credentials().provider())
            .forcePathStyle(config.pathStyle());
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }

  @Override
  public StoreLocation location() {
    return config.location();
  }

  @Override
  public Optional<byte[]> read(String key) {
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket(config.bucket()).key(physical(key))).asByteArray());
    } catch (SdkException e) {
      if (S3Failures.isAbsent(e)) {
        return Optional.empty();
      }
      throw failures.of("GetObject", key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return client.getObject(b -> b.bucket(config.bucket()).key(physical(key)));
    } catch (SdkException e) {
      if (S3Failures.isAbsent(e)) {
        throw new StoreObjectNotFoundException(describe(), key);
      }
      throw failures.of("GetObject", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return head(key).isPresent();
  }

  @Override
  public Optional<Long> size(String key) {
    return head(key).map(HeadObjectResponse::contentLength);
  }

  /** Size and ETag from one {@code HeadObject}. */
  @Override
  public Optional<ObjectIdentity> identity(String key) {
    return head(key).map(head -> ObjectIdentity.ofEtag(head.contentLength(), head.eTag()));
  }

  private Optional<HeadObjectResponse> head(String key) {
    try {
      return Optional.of(client.headObject(b -> b.bucket(config.bucket()).key(physical(key))));
    } catch (SdkException e) {
      if (S3Failures.isAbsent(e)) {
        // A HEAD answer has no body, so a missing bucket also reads as a bare 404: rule that out once.
        bucketCheck.requireBucket();
        return Optional.empty();
      }
      throw failures.of("HeadObject", key, e);
    }
  }

  /** Writes {@code json} as is, with no trailing newline, as R's S3 backend does (format §2.1). */
  @Override
  public void writeJson(String key, String json) {
    try {
      client.putObject(
          b -> b.bucket(config.bucket()).key(physical(key)).contentType(JSON_CONTENT_TYPE),
          RequestBody.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
    } catch (SdkException e) {
      throw failures.of("PutObject", key, e);
    }
  }

  @Override
  public Optional<MirrorDocument> readMirrorDocument(String key) {
    try {
      ResponseBytes<GetObjectResponse> object =
          client.getObjectAsBytes(b -> b.bucket(config.bucket()).key(physical(key)));
      Optional<String> commit = Optional.ofNullable(object.response().metadata().get(MIRROR_COMMIT_METADATA));
      return Optional.of(new MirrorDocument(object.asByteArray(), commit, object.response().eTag()));
    } catch (SdkException e) {
      if (S3Failures.isAbsent(e)) {
        return Optional.empty();
      }
      throw failures.of("GetObject", key, e);
    }
  }

  /**
   * A conditional {@code PutObject}: {@code If-Match} the expected ETag, or {@code If-None-Match: *} when nothing was
   * expected, with the commit in the object's user metadata, so that the commit and the content are replaced in one
   * atomic step (and an R writer's plain PUT drops the commit with the content it replaces).
   */
  @Override
  public boolean replaceMirrorDocument(String key, String json, String commit, Optional<MirrorDocument> expected) {
    PutObjectRequest.Builder request = PutObjectRequest.builder()
        .bucket(config.bucket())
        .key(physical(key))
        .contentType(JSON_CONTENT_TYPE)
        .metadata(Map.of(MIRROR_COMMIT_METADATA, commit));
    expected.ifPresentOrElse(document -> request.ifMatch(document.tag()), () -> request.ifNoneMatch("*"));
    try {
      client.putObject(request.build(), RequestBody.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
      return true;
    } catch (SdkClientException e) {
      // No answer read: a server that refuses the condition may answer 412 and close before the body is sent, which
      // the JDK's client reports as a failed write. Either way the outcome is unknown: if our document is there, it
      // landed; if not, the caller reads the document again and decides again.
      return landedAlready(key, json, commit);
    } catch (SdkException e) {
      int status = S3Failures.status(e);
      // 409: another conditional write of the key was in flight; either way the document is not the expected one.
      if (status == S3Failures.PRECONDITION_FAILED || status == S3Failures.CONFLICT
          || (expected.isPresent() && S3Failures.isAbsent(e))) {
        // The HTTP client resends a request whose connection broke; if the first send landed, the resend meets our
        // own document. That is a success, not a change by someone else.
        return landedAlready(key, json, commit);
      }
      throw failures.of("conditional PutObject", key, e);
    }
  }

  private boolean landedAlready(String key, String json, String commit) {
    return readMirrorDocument(key)
        .filter(document -> document.commit().equals(Optional.of(commit)))
        .filter(document -> Arrays.equals(document.bytes(), json.getBytes(StandardCharsets.UTF_8)))
        .isPresent();
  }

  @Override
  public boolean putIfAbsent(String key, Path source) {
    long size = sizeOf(key, source);
    if (size > config.multipartThreshold()) {
      return exists(key) ? false : new S3MultipartUpload(client, config, physical(key), key, failures).put(source, size);
    }
    PutObjectRequest request =
        PutObjectRequest.builder()
            .bucket(config.bucket())
            .key(physical(key))
            .contentType(UNTYPED_CONTENT_TYPE)
            .contentLength(size)
            .ifNoneMatch("*")
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        client.putObject(request, RequestBody.fromFile(source));
        return true;
      } catch (SdkClientException e) {
        // No answer read (see replaceMirrorDocument): if the object exists now, it is there, whoever placed it; the
        // writer hashes what is stored rather than trusting this answer (format §14.3, point 2).
        if (exists(key)) {
          return false;
        }
        throw failures.of("conditional PutObject", key, e);
      } catch (SdkException e) {
        int status = S3Failures.status(e);
        if (status == S3Failures.PRECONDITION_FAILED) {
          return false;
        }
        if (status != S3Failures.CONFLICT || attempt == CONFLICT_ATTEMPTS) {
          throw failures.of("conditional PutObject", key, e);
        }
        backOff(attempt);
      }
    }
  }

  /** Waits before retrying a write that met a concurrent conditional write: 50, 100, 200 ms … with jitter. */
  static void backOff(int attempt) {
    long base = 50L << Math.min(attempt - 1, 6);
    try {
      Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while retrying a conditional S3 write.", e);
    }
  }

  private long sizeOf(String key, Path source) {
    try {
      return Files.size(source);
    } catch (NoSuchFileException e) {
      throw new StoreException(
          "Could not upload '" + key + "' to store " + describe() + ": the source file " + source + " does not exist.",
          e);
    } catch (IOException e) {
      throw new StoreException("Could not read the source file " + source + " for '" + key + "': " + e, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder().bucket(config.bucket()).prefix(namespacePrefix + prefix).maxKeys(MAX_KEYS);
    try {
      ListObjectsV2Response page;
      do {
        page = client.listObjectsV2(request.build());
        for (S3Object object : page.contents()) {
          keys.add(object.key().substring(namespacePrefix.length()));
        }
        request.continuationToken(page.nextContinuationToken());
      } while (Boolean.TRUE.equals(page.isTruncated()));
    } catch (SdkException e) {
      throw failures.of("ListObjectsV2", prefix + "*", e);
    }
    return keys;
  }

  @Override
  public void delete(String key) {
    try {
      client.deleteObject(b -> b.bucket(config.bucket()).key(physical(key)));
    } catch (SdkException e) {
      throw failures.of("DeleteObject", key, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private String physical(String key) {
    return StoreKeys.build(config.prefix(), key);
  }
}
