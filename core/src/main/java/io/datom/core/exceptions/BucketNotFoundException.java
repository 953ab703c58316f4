package io.datom.core.exceptions;

/** The bucket an S3 store points at does not exist (or the endpoint does not know it). */
public class BucketNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;
  private final String bucket;

  public BucketNotFoundException(String store, String bucket, Throwable cause) {
    super(
        "Bucket '" + bucket + "' of store " + store + " does not exist. Create the bucket, or correct the store's"
            + " root (storage.data.root) and endpoint.",
        cause);
    this.bucket = bucket;
  }

  /** The bucket that was not found. */
  public String bucket() {
    return bucket;
  }
}
