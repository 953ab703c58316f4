package io.datom.core.store;

import io.datom.core.exceptions.BucketNotFoundException;
import io.datom.core.exceptions.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK errors into {@link StoreException}s that name the store and the key, never the credentials. */
final class S3Failures {

  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  static final int PRECONDITION_FAILED = 412;

  private final String store;
  private final String bucket;
  private final S3Credentials credentials;

  S3Failures(String store, String bucket, S3Credentials credentials) {
    this.store = store;
    this.bucket = bucket;
    this.credentials = credentials;
  }

  static int status(SdkException e) {
    return e instanceof AwsServiceException service ? service.statusCode() : -1;
  }

  static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  static boolean isMissingBucket(SdkException e) {
    return "NoSuchBucket".equals(errorCode(e));
  }

  /** R's rule for "absent" (format §1.4): a 404, NoSuchKey or Not Found — but never a missing bucket. */
  static boolean isAbsent(SdkException e) {
    if (isMissingBucket(e)) {
      return false;
    }
    String code = errorCode(e);
    return status(e) == NOT_FOUND || "NoSuchKey".equals(code) || "NotFound".equals(code);
  }

  BucketNotFoundException missingBucket(SdkException cause) {
    return new BucketNotFoundException(store, bucket, cause);
  }

  /** A StoreException for a failed {@code operation} on {@code key} ({@code null} for bucket-wide operations). */
  StoreException of(String operation, String key, SdkException e) {
    if (isMissingBucket(e)) {
      return missingBucket(e);
    }
    String target = key == null ? "" : " of '" + key + "'";
    String message = "S3 " + operation + target + " in store " + store + " failed: " + reason(e) + hint(e);
    return new StoreException(credentials.redact(message), e);
  }

  private static String reason(SdkException e) {
    if (e instanceof AwsServiceException service) {
      String detail = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
      String code = errorCode(e);
      return service.statusCode() + (code.isEmpty() ? "" : " " + code) + (detail == null ? "" : ": " + detail);
    }
    return e.getMessage();
  }

  private static String hint(SdkException e) {
    int status = status(e);
    if (status == 403 || status == 401) {
      return ". Check the store's credentials and that they grant access to the bucket.";
    }
    if (status < 0) {
      return ". Check the endpoint, the network and the credentials configuration.";
    }
    return ".";
  }
}
