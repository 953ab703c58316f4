package io.datom.core.store;

import io.datom.core.exceptions.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One create-if-absent multipart upload of a large file: the parts go up unconditionally, several at once (no one
 * stream carries the whole file), and the completion carries {@code If-None-Match: *}, so the object appears whole,
 * and only if no other writer created it first. Any failure aborts the upload, which discards the uploaded parts.
 */
final class S3MultipartUpload {

  /** S3 allows at most this many parts; larger files get larger parts. */
  private static final long MAX_PARTS = 10_000;

  private final S3Client client;
  private final String bucket;
  private final String physicalKey;
  private final String key;
  private final long configuredPartSize;
  private final int concurrency;
  private final S3Failures failures;

  S3MultipartUpload(S3Client client, S3StoreConfig config, String physicalKey, String key, S3Failures failures) {
    this.client = client;
    this.bucket = config.bucket();
    this.physicalKey = physicalKey;
    this.key = key;
    this.configuredPartSize = config.partSize();
    this.concurrency = config.uploadConcurrency();
    this.failures = failures;
  }

  /** Uploads {@code source}; {@code true} if this upload created the object, {@code false} if it already existed. */
  boolean put(Path source, long size) {
    String uploadId = create();
    try {
      boolean created = complete(uploadId, uploadParts(uploadId, source, size));
      if (!created) {
        abort(uploadId);
      }
      return created;
    } catch (RuntimeException e) {
      try {
        abort(uploadId);
      } catch (RuntimeException abortFailure) {
        e.addSuppressed(abortFailure);
      }
      throw e;
    }
  }

  private String create() {
    try {
      return client
          .createMultipartUpload(
              b ->
                  b.bucket(bucket)
                      .key(physicalKey)
                      .contentType(S3Store.UNTYPED_CONTENT_TYPE)
                      .checksumAlgorithm(ChecksumAlgorithm.CRC32))
          .uploadId();
    } catch (SdkException e) {
      throw failures.of("CreateMultipartUpload", key, e);
    }
  }

  /**
   * Uploads the parts, up to the configured number at once; returns them in part order. The first failure cancels the
   * parts not yet started and is thrown once none is running, so that the abort that follows leaves nothing behind.
   */
  private List<CompletedPart> uploadParts(String uploadId, Path source, long size) {
    long partSize = Math.max(configuredPartSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    int count = (int) ((size + partSize - 1) / partSize);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, count), runnable -> {
      Thread thread = new Thread(runnable, "datom-s3-upload");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<CompletedPart>> uploads = new ArrayList<>();
      for (int partNumber = 1; partNumber <= count; partNumber++) {
        long start = (partNumber - 1) * partSize;
        long length = Math.min(partSize, size - start);
        int number = partNumber;
        uploads.add(pool.submit(() -> uploadPart(uploadId, source, number, start, length)));
      }
      List<CompletedPart> parts = new ArrayList<>();
      for (Future<CompletedPart> upload : uploads) {
        parts.add(await(upload, uploads, pool));
      }
      return parts;
    } finally {
      pool.shutdownNow();
    }
  }

  private CompletedPart await(Future<CompletedPart> upload, List<Future<CompletedPart>> all, ExecutorService pool) {
    try {
      return upload.get();
    } catch (ExecutionException e) {
      all.forEach(other -> other.cancel(false));
      pool.shutdown();
      try {
        pool.awaitTermination(10, TimeUnit.MINUTES);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new StoreException("Could not upload '" + key + "': " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while uploading '" + key + "'.", e);
    }
  }

  private CompletedPart uploadPart(String uploadId, Path source, int partNumber, long start, long length) {
    UploadPartRequest request =
        UploadPartRequest.builder()
            .bucket(bucket)
            .key(physicalKey)
            .uploadId(uploadId)
            .partNumber(partNumber)
            .contentLength(length)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32)
            .build();
    try {
      UploadPartResponse response =
          client.uploadPart(
              request,
              RequestBody.fromContentProvider(
                  () -> FileSliceInputStream.open(source, start, length), length, S3Store.UNTYPED_CONTENT_TYPE));
      return CompletedPart.builder()
          .partNumber(partNumber)
          .eTag(response.eTag())
          .checksumCRC32(response.checksumCRC32())
          .build();
    } catch (SdkException e) {
      throw failures.of("UploadPart " + partNumber, key, e);
    }
  }

  private boolean complete(String uploadId, List<CompletedPart> parts) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.completeMultipartUpload(
            b ->
                b.bucket(bucket)
                    .key(physicalKey)
                    .uploadId(uploadId)
                    .ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts)));
        return true;
      } catch (SdkException e) {
        int status = S3Failures.status(e);
        if (status == S3Failures.PRECONDITION_FAILED) {
          return false;
        }
        if (status != S3Failures.CONFLICT || attempt == S3Store.CONFLICT_ATTEMPTS) {
          throw failures.of("conditional CompleteMultipartUpload", key, e);
        }
        S3Store.backOff(attempt);
      }
    }
  }

  private void abort(String uploadId) {
    try {
      client.abortMultipartUpload(b -> b.bucket(bucket).key(physicalKey).uploadId(uploadId));
    } catch (SdkException e) {
      throw failures.of("AbortMultipartUpload", key, e);
    }
  }

  /** Reads {@code length} bytes of a file from {@code offset}: the body of one part. */
  private static final class FileSliceInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    private FileSliceInputStream(FileChannel channel, long offset, long length) {
      this.channel = channel;
      this.position = offset;
      this.end = offset + length;
    }

    static InputStream open(Path file, long offset, long length) {
      try {
        return new FileSliceInputStream(FileChannel.open(file, StandardOpenOption.READ), offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      if (position >= end) {
        return -1;
      }
      int wanted = (int) Math.min(len, end - position);
      int read = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
      if (read > 0) {
        position += read;
      }
      return read;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
