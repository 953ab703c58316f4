package io.datom.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Pins that the test S3 server evaluates {@code If-None-Match: *} as S3 does, which S3Store's tests rely on. */
@ExtendWith(S3ProxyExtension.class)
class S3ProxyConditionalWriteTest {

  @Test
  void conditionalPutOfAnExistingKeyFailsWith412(S3ProxyServer s3) {
    S3Client client = s3.client();
    String bucket = s3.createBucket();
    // A plain first write: the SDK resends a request whose connection broke, and a resent conditional write that had
    // landed meets itself (S3Store recognises its own documents; this test pins the server, not that).
    client.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));

    S3Exception e = assertThrows(S3Exception.class,
        () -> client.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("second")));

    assertEquals(412, e.statusCode());
    assertEquals("first", client.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
  }

  @Test
  void conditionalCompleteMultipartUploadOfAnExistingKeyFailsWith412(S3ProxyServer s3) {
    S3Client client = s3.client();
    String bucket = s3.createBucket();
    client.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));
    String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
    byte[] part = new byte[5 * 1024 * 1024];
    Arrays.fill(part, (byte) 7);
    String etag = client.uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(part)).eTag();

    S3Exception e = assertThrows(S3Exception.class, () -> client.completeMultipartUpload(
        b -> b.bucket(bucket).key("k").uploadId(uploadId).ifNoneMatch("*")
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build()))));

    assertEquals(412, e.statusCode());
    assertArrayEquals("first".getBytes(), client.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    client.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId));
  }
}
