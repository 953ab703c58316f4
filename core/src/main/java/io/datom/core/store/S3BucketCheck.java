package io.datom.core.store;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Confirms, once per store, that its bucket exists, so that a bare 404 can safely mean "no such key". */
final class S3BucketCheck {

  private final S3Client client;
  private final String bucket;
  private final S3Failures failures;
  private final AtomicBoolean confirmed = new AtomicBoolean();

  S3BucketCheck(S3Client client, String bucket, S3Failures failures) {
    this.client = client;
    this.bucket = bucket;
    this.failures = failures;
  }

  /** Returns when the bucket exists; throws {@link io.datom.core.exceptions.BucketNotFoundException} otherwise. */
  void requireBucket() {
    if (confirmed.get()) {
      return;
    }
    try {
      client.headBucket(b -> b.bucket(bucket));
      confirmed.set(true);
    } catch (SdkException e) {
      throw S3Failures.status(e) == S3Failures.NOT_FOUND ? failures.missingBucket(e) : failures.of("HeadBucket", null, e);
    }
  }
}
