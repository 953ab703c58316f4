package io.datom.core.store;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How an {@link S3Store} authenticates: AWS's default provider chain (environment, system properties, profile files,
 * container and instance roles), or an explicit access key and secret. The secret never leaves this object except
 * to sign requests; {@link #toString()} redacts both values.
 */
public final class S3Credentials {

  private static final S3Credentials DEFAULT_CHAIN = new S3Credentials(null, null, null);

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;

  private S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
  }

  /** Credentials found by AWS's default provider chain when the store first signs a request. */
  public static S3Credentials defaultChain() {
    return DEFAULT_CHAIN;
  }

  /** An explicit access key id and secret access key. */
  public static S3Credentials of(String accessKeyId, String secretAccessKey) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("An explicit S3 access key id and secret must both be non-blank.");
    }
    return new S3Credentials(accessKeyId, secretAccessKey, null);
  }

  /** Temporary credentials: an access key id, secret access key and session token. */
  public static S3Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
    Objects.requireNonNull(sessionToken, "sessionToken");
    if (sessionToken.isBlank()) {
      throw new IllegalArgumentException("An S3 session token must be non-blank.");
    }
    S3Credentials keys = of(accessKeyId, secretAccessKey);
    return new S3Credentials(keys.accessKeyId, keys.secretAccessKey, sessionToken);
  }

  /** Whether these credentials come from the default provider chain. */
  public boolean isDefaultChain() {
    return accessKeyId == null;
  }

  AwsCredentialsProvider provider() {
    return isDefaultChain()
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(sessionToken == null
            ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
            : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
  }

  /** Removes the secret from a text that may have echoed it (an error message from the endpoint, say). */
  String redact(String text) {
    if (secretAccessKey == null || text == null) {
      return text;
    }
    String redacted = text.replace(secretAccessKey, "****");
    return sessionToken == null ? redacted : redacted.replace(sessionToken, "****");
  }

  /** Equal when they would sign alike: the same chain, or the same keys (so that clients can be shared). */
  @Override
  public boolean equals(Object other) {
    return other instanceof S3Credentials that && Objects.equals(accessKeyId, that.accessKeyId)
        && Objects.equals(secretAccessKey, that.secretAccessKey) && Objects.equals(sessionToken, that.sessionToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
  }

  @Override
  public String toString() {
    return isDefaultChain() ? "S3Credentials[default provider chain]" : "S3Credentials[explicit, redacted]";
  }
}
