package io.datom.spark.store;

import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.LocalStore;
import io.datom.core.store.MirrorDocument;
import io.datom.core.store.ObjectIdentity;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A datom store on any Hadoop {@link FileSystem}: a local path, {@code file://}, {@code s3a://}, {@code hdfs://},
 * {@code abfss://}, {@code gs://} and whatever else the cluster's Hadoop supports. The store path is the project's
 * root plus prefix; a logical key {@code K} lives at {@code {store}/datom/{K}} (format §1.4).
 *
 * <p>The filesystem is configured the Hadoop way, so a Spark session's {@code spark.hadoop.fs.s3a.*} settings apply to
 * the driver's metadata reads here exactly as they do to the executors' parquet reads.
 *
 * <p>Behaviour that depends on the filesystem:
 *
 * <ul>
 *   <li>{@link #writeJson}: S3 ({@code s3}, {@code s3a}, {@code s3n}) objects get no trailing newline, every other
 *       filesystem gets one LF, as R's S3 and local backends write them (§2.1). On object stores whose PUT is atomic
 *       ({@code s3*}, {@code gs}) the object is written in place; elsewhere a hidden sibling is written and renamed
 *       over the target, so a reader never sees a half-written document (on HDFS the target is briefly absent
 *       between the delete and the rename).
 *   <li>{@link #putIfAbsent}: {@code FileSystem.create(path, overwrite = false)}. HDFS makes the create-if-absent
 *       atomic in the NameNode, but the object is visible while it is being written. On the local filesystem the
 *       bytes are written to a hidden sibling and hard-linked to the key, which fails if it exists: atomic, and an
 *       interrupted upload leaves no partial object under the key. S3A (Hadoop 3.3) also checks then
 *       uploads; the upload appears atomically when complete, but two racing creators can both succeed and the last
 *       upload wins. Content-addressed writers therefore hash the object that ended up stored (format §14.3) rather
 *       than trusting the return value alone.
 * </ul>
 *
 * <p>Checksummed local filesystems are unwrapped to their raw filesystem so that no {@code .crc} side files appear in
 * the store.
 */
public final class HadoopStore implements Store {

  private static final Set<String> NO_TRAILING_NEWLINE_SCHEMES = Set.of("s3", "s3a", "s3n");
  private static final Set<String> ATOMIC_PUT_SCHEMES = Set.of("s3", "s3a", "s3n", "gs");
  private static final String DATOM_DIR = "datom";
  private static final int READ_ATTEMPTS = 3;
  /** Ends the name of a file being written, so that listings skip it (see {@link LocalStore#isBookkeeping}). */
  private static final String STAGING_SUFFIX = ".datom-tmp";

  private final FileSystem fs;
  private final Path storePath;
  private final Path datomRoot;
  private final StoreLocation location;
  /** The store that replaces mirror documents conditionally, where this filesystem cannot; opened on first use. */
  private Store mirrorDocuments;

  private HadoopStore(FileSystem fs, Path storePath) {
    this.fs = fs;
    this.storePath = storePath;
    this.datomRoot = new Path(storePath, DATOM_DIR);
    this.location = locationOf(storePath);
  }

  /**
   * Opens the store at {@code storePath} (the project's root plus prefix) with the given Hadoop configuration. Does no
   * I/O beyond resolving the filesystem; a relative path is qualified against the filesystem's working directory.
   */
  public static HadoopStore at(String storePath, Configuration conf) {
    if (storePath == null || storePath.isBlank()) {
      throw new IllegalArgumentException("A store path is required, e.g. s3a://bucket/prefix or /data/project.");
    }
    try {
      Path path = new Path(storePath);
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof ChecksumFileSystem checksummed) {
        fs = checksummed.getRawFileSystem();
      }
      return new HadoopStore(fs, fs.makeQualified(path));
    } catch (IOException e) {
      throw new StoreException("Cannot open the filesystem of store " + storePath + ": " + e.getMessage(), e);
    }
  }

  /** The fully qualified Hadoop path of the object at {@code key}, e.g. for handing it to a parquet reader. */
  public Path pathOf(String key) {
    return new Path(datomRoot, stripSlashes(key));
  }

  /** The Hadoop configuration the store's filesystem was opened with, for opening it again on executors. */
  public Configuration conf() {
    return fs.getConf();
  }

  /** The fully qualified store path (root plus prefix). */
  public Path storePath() {
    return storePath;
  }

  /** The Hadoop status of the object at {@code key}, or empty when absent. */
  public Optional<FileStatus> status(String key) {
    try {
      return Optional.of(fs.getFileStatus(pathOf(key)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("stat", key, e);
    }
  }

  /**
   * Size plus, where the file system reports one ({@code s3a}), the object's ETag, else its modification time: what
   * one {@code getFileStatus} tells without reading the object.
   */
  @Override
  public Optional<ObjectIdentity> identity(String key) {
    return status(key).map(HadoopStore::identityOf);
  }

  private static ObjectIdentity identityOf(FileStatus status) {
    String etag = status instanceof EtagSource source ? source.getEtag() : null;
    return etag == null || etag.isBlank()
        ? ObjectIdentity.ofModificationTime(status.getLen(), status.getModificationTime())
        : ObjectIdentity.ofEtag(status.getLen(), etag);
  }

  @Override
  public StoreLocation location() {
    return location;
  }

  @Override
  public String describe() {
    return storePath.toString();
  }

  /**
   * Reads a whole object. A mirror document replaced while it is being read makes S3A report a change in the middle
   * of the read (its ETag check); the read is then made again, since the replacement is complete and whole.
   */
  @Override
  public Optional<byte[]> read(String key) {
    for (int attempt = 1; ; attempt++) {
      try (InputStream in = fs.open(pathOf(key))) {
        return Optional.of(in.readAllBytes());
      } catch (FileNotFoundException e) {
        return Optional.empty();
      } catch (IOException e) {
        if (attempt < READ_ATTEMPTS && changedWhileRead(e)) {
          continue;
        }
        throw failure("read", key, e);
      }
    }
  }

  /** Whether S3A saw the object replaced during the read ({@code RemoteFileChangedException}, named so S3A is optional). */
  private static boolean changedWhileRead(IOException e) {
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getSimpleName().equals("RemoteFileChangedException")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public InputStream open(String key) {
    try {
      return fs.open(pathOf(key));
    } catch (FileNotFoundException e) {
      throw new StoreObjectNotFoundException(describe(), key);
    } catch (IOException e) {
      throw failure("open", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return status(key).isPresent();
  }

  @Override
  public Optional<Long> size(String key) {
    return status(key).map(FileStatus::getLen);
  }

  @Override
  public void writeJson(String key, String json) {
    String text = NO_TRAILING_NEWLINE_SCHEMES.contains(scheme()) ? json : json + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path target = pathOf(key);
    try {
      if (ATOMIC_PUT_SCHEMES.contains(scheme())) {
        write(target, bytes);
      } else {
        Path staging = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        write(staging, bytes);
        replace(staging, target);
      }
    } catch (IOException e) {
      throw failure("write", key, e);
    }
  }

  /**
   * Mirror documents with the commit they mirror, where the filesystem allows a guarded replacement: on {@code file:}
   * through core's {@link LocalStore} over the same directory (an OS lock and stamps beside the documents), on
   * {@code s3a:} through core's {@link io.datom.core.store.S3Store} with the session's S3A settings ({@code If-Match}).
   * Other filesystems (HDFS, ABFS, GCS) get the unguarded default of {@link Store}.
   */
  @Override
  public Optional<MirrorDocument> readMirrorDocument(String key) {
    return mirrorDocuments().map(store -> store.readMirrorDocument(key)).orElseGet(() -> Store.super.readMirrorDocument(key));
  }

  @Override
  public boolean replaceMirrorDocument(String key, String json, String commit, Optional<MirrorDocument> expected) {
    Optional<Store> guarded = mirrorDocuments();
    return guarded.isPresent() ? guarded.get().replaceMirrorDocument(key, json, commit, expected)
        : Store.super.replaceMirrorDocument(key, json, commit, expected);
  }

  private synchronized Optional<Store> mirrorDocuments() {
    if (mirrorDocuments == null) {
      switch (scheme()) {
        case "file" -> mirrorDocuments = new LocalStore(java.nio.file.Path.of(storePath.toUri()), null);
        case "s3a" -> mirrorDocuments = S3aStores.forMirror(fs.getConf(), storePath);
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(mirrorDocuments);
  }

  @Override
  public boolean putIfAbsent(String key, java.nio.file.Path source) {
    if (scheme().equals("file")) {
      return linkIfAbsent(key, source);
    }
    Path target = pathOf(key);
    OutputStream out;
    try {
      out = fs.create(target, false);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw failure("create", key, e);
    }
    try (OutputStream o = out) {
      Files.copy(source, o);
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(target);
      throw failure("upload " + source + " to", key, e);
    }
    return true;
  }

  /**
   * On the local filesystem, where {@code create(path, false)} shows a half-written file under its final name (and
   * leaves it there if the process dies), the bytes go to a hidden sibling first and appear at the key through a hard
   * link, which fails if the key exists: all or nothing, and never over another file.
   */
  private boolean linkIfAbsent(String key, java.nio.file.Path source) {
    java.nio.file.Path target = java.nio.file.Path.of(pathOf(key).toUri());
    java.nio.file.Path staging = null;
    try {
      if (Files.exists(target)) {
        return false;
      }
      Files.createDirectories(target.getParent());
      staging = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + STAGING_SUFFIX);
      Files.copy(source, staging);
      Files.createLink(target, staging);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw failure("upload " + source + " to", key, e);
    } finally {
      if (staging != null) {
        try {
          Files.deleteIfExists(staging);
        } catch (IOException ignored) {
          // A hidden leftover is skipped by listings; the upload's outcome matters more.
        }
      }
    }
  }

  @Override
  public List<String> list(String prefix) {
    String cleanPrefix = prefix == null ? "" : prefix.replaceAll("^/+", "");
    int slash = cleanPrefix.lastIndexOf('/');
    Path dir = slash < 0 ? datomRoot : new Path(datomRoot, cleanPrefix.substring(0, slash));
    String rootPath = datomRoot.toUri().getPath();
    List<String> keys = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        String key = file.toUri().getPath().substring(rootPath.length()).replaceAll("^/+", "");
        if (key.startsWith(cleanPrefix) && !LocalStore.isBookkeeping(file.getName())) {
          keys.add(key);
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw failure("list", cleanPrefix, e);
    }
    return keys;
  }

  @Override
  public void delete(String key) {
    try {
      fs.delete(pathOf(key), false);
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  private void write(Path path, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  // A POSIX rename replaces the target atomically; HDFS refuses to rename onto an existing file, so delete first.
  private void replace(Path staging, Path target) throws IOException {
    try {
      if (!fs.rename(staging, target)) {
        fs.delete(target, false);
        if (!fs.rename(staging, target)) {
          throw new IOException("rename of " + staging + " to " + target + " failed");
        }
      }
    } catch (IOException e) {
      deleteQuietly(staging);
      throw e;
    }
  }

  private void deleteQuietly(Path path) {
    try {
      fs.delete(path, false);
    } catch (IOException ignored) {
      // Best effort: the original failure is the one worth reporting.
    }
  }

  private String scheme() {
    String scheme = storePath.toUri().getScheme();
    return scheme == null ? "file" : scheme.toLowerCase(Locale.ROOT);
  }

  private StoreException failure(String action, String key, Exception e) {
    return new StoreException(
        "Cannot " + action + " '" + key + "' in store " + describe() + ": " + e.getMessage(), e);
  }

  private static String stripSlashes(String key) {
    return key.replaceAll("^/+|/+$", "");
  }

  // The store's identity in the format's vocabulary: S3 paths as bucket plus prefix, local paths as an absolute
  // root, anything else as scheme, authority and path.
  private static StoreLocation locationOf(Path qualified) {
    URI uri = qualified.toUri();
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (scheme.equals("file")) {
      return StoreLocation.local(path, null);
    }
    String prefix = path.replaceAll("^/+|/+$", "");
    String nullablePrefix = prefix.isEmpty() ? null : prefix;
    if (NO_TRAILING_NEWLINE_SCHEMES.contains(scheme)) {
      return StoreLocation.s3(uri.getAuthority(), nullablePrefix, null);
    }
    return new StoreLocation(scheme, uri.getAuthority() == null ? "" : uri.getAuthority(), nullablePrefix, null);
  }
}
