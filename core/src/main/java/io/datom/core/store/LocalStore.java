package io.datom.core.store;

import io.datom.core.exceptions.StoreException;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A store in a local (or mounted) directory: {@code {root}/{prefix}/datom/{key}}.
 *
 * <p>Writes never expose half a file: JSON is written to a hidden temporary file next to its target and renamed over
 * it atomically, and {@link #putIfAbsent} publishes a complete temporary copy with a hard link, which the file system
 * refuses when the target exists. The directory must therefore support atomic rename and hard links (every POSIX
 * file system and NTFS do).
 *
 * <p>Mirror documents record the commit they mirror in a hidden {@code .{name}.datom-stamp} file beside them, holding
 * the commit and the SHA-256 of the document it was written with: a document replaced since by a writer that records
 * nothing (R) no longer matches its stamp and reads as unstamped. Compare-and-swaps of mirror documents are serialised
 * by an OS file lock ({@code .metadata/.datom-mirror.lock}), which needs a file system with working POSIX locks
 * between the machines that write (any local disk; NFS only with its lock manager).
 */
public final class LocalStore implements Store {

  /** Suffix of in-flight temporary files; {@link #list} never reports them. */
  static final String TEMP_SUFFIX = ".datom-tmp";
  /** Suffix of the hidden file beside a mirror document that records the commit it mirrors; never listed. */
  static final String STAMP_SUFFIX = ".datom-stamp";
  /** The file whose OS lock serialises mirror compare-and-swaps, below the namespace; never listed. */
  static final String MIRROR_LOCK = ".metadata/.datom-mirror.lock";

  private final StoreLocation location;
  private final Path root;
  private final Path namespaceDir;

  /**
   * A store rooted at {@code root} (made absolute) with an optional prefix.
   *
   * @param prefix prefix below the root exactly as configured, or {@code null} for none
   */
  public LocalStore(Path root, String prefix) {
    this.root = root.toAbsolutePath().normalize();
    this.location = StoreLocation.local(this.root.toString(), prefix);
    this.namespaceDir = this.root.resolve(StoreKeys.build(prefix));
  }

  @Override
  public StoreLocation location() {
    return location;
  }

  @Override
  public Optional<byte[]> read(String key) {
    try {
      return Optional.of(Files.readAllBytes(pathOf(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(pathOf(key));
    } catch (NoSuchFileException e) {
      throw new StoreObjectNotFoundException(describe(), key);
    } catch (IOException e) {
      throw failure("open", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(pathOf(key));
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      return Optional.of(Files.size(pathOf(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("get the size of", key, e);
    }
  }

  /** Size and modification time (milliseconds, as Hadoop's local file system reports it) of the file. */
  @Override
  public Optional<ObjectIdentity> identity(String key) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(pathOf(key), BasicFileAttributes.class);
      return Optional.of(ObjectIdentity.ofModificationTime(attributes.size(), attributes.lastModifiedTime().toMillis()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("get the attributes of", key, e);
    }
  }

  /** Writes {@code json} followed by LF, as R's {@code writeLines} does for a local store (format §2.1). */
  @Override
  public void writeJson(String key, String json) {
    writeAtomically(key, pathOf(key), (json + "\n").getBytes(StandardCharsets.UTF_8), true);
  }

  @Override
  public Optional<MirrorDocument> readMirrorDocument(String key) {
    Path target = pathOf(key);
    return read(key).map(bytes -> documentOf(target, bytes));
  }

  @Override
  public boolean replaceMirrorDocument(String key, String json, String commit, Optional<MirrorDocument> expected) {
    Path target = pathOf(key);
    try (LocalMirrorLock lock = LocalMirrorLock.acquire(namespaceDir.resolve(MIRROR_LOCK), describe())) {
      Optional<String> current = read(key).map(bytes -> documentOf(target, bytes).tag());
      if (!current.equals(expected.map(MirrorDocument::tag))) {
        return false;
      }
      byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
      // The document first, then its stamp: a crash in between leaves a stamp that no longer matches, which reads
      // as "unstamped" and is handled as such, never as a newer state.
      writeAtomically(key, target, bytes, true);
      // Not forced to disk: a stamp lost in a crash, or one that outlives its document, no longer matches the
      // document's content and so reads as "no stamp", which is always safe.
      writeAtomically(key, stampOf(target), (commit + " " + ContentTags.sha256(bytes) + "\n")
          .getBytes(StandardCharsets.UTF_8), false);
      return true;
    }
  }

  private MirrorDocument documentOf(Path target, byte[] bytes) {
    String digest = ContentTags.sha256(bytes);
    Optional<String> commit = readStamp(stampOf(target))
        .filter(stamp -> stamp.length == 2 && stamp[1].equals(digest))
        .map(stamp -> stamp[0]);
    return new MirrorDocument(bytes, commit, digest + "@" + commit.orElse("-"));
  }

  private static Optional<String[]> readStamp(Path stamp) {
    try {
      return Optional.of(Files.readString(stamp, StandardCharsets.UTF_8).trim().split(" "));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // an unreadable stamp is no stamp: the document is then judged by its content
    }
  }

  private static Path stampOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + STAMP_SUFFIX);
  }

  private void writeAtomically(String key, Path target, byte[] bytes, boolean durably) {
    Path temp = null;
    try {
      temp = createTempBeside(target);
      if (durably) {
        writeDurably(temp, bytes);
      } else {
        Files.write(temp, bytes);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure("write", key, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public boolean putIfAbsent(String key, Path source) {
    Path target = pathOf(key);
    if (Files.exists(target)) {
      return false;
    }
    Path temp = null;
    try {
      temp = createTempBeside(target);
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      forceToDisk(temp);
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (NoSuchFileException e) {
      throw new StoreException(
          "Could not upload '" + key + "' to store " + describe() + ": the source file " + source + " does not exist.",
          e);
    } catch (IOException e) {
      throw failure("create", key, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public List<String> list(String prefix) {
    int lastSlash = prefix.lastIndexOf('/');
    Path start = lastSlash < 0 ? namespaceDir : resolveInside(prefix.substring(0, lastSlash), prefix);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !isBookkeeping(file.getFileName().toString()))
          .map(this::logicalKeyOf)
          .filter(key -> key.startsWith(prefix))
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("Could not list keys under '" + prefix + "' in store " + describe() + ": " + e, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(pathOf(key));
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  /**
   * Whether a file of the store is its own bookkeeping (temporary files, mirror stamps, the mirror lock) rather than
   * an object: stores over the same directory by other means (the Spark connector's Hadoop store) list objects alike.
   */
  public static boolean isBookkeeping(String fileName) {
    return fileName.endsWith(TEMP_SUFFIX) || fileName.endsWith(STAMP_SUFFIX)
        || fileName.equals(Path.of(MIRROR_LOCK).getFileName().toString());
  }

  private Path pathOf(String key) {
    return resolveInside(key, key);
  }

  /** Resolves a logical key (or key directory) below the namespace, refusing one that would climb out of it. */
  private Path resolveInside(String relative, String key) {
    Path path = root.resolve(StoreKeys.build(location.prefix(), relative)).normalize();
    if (!path.startsWith(namespaceDir)) {
      throw new StoreException("Key '" + key + "' escapes store " + describe() + "; keys must stay inside it.");
    }
    return path;
  }

  private String logicalKeyOf(Path file) {
    return namespaceDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static Path createTempBeside(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void forceToDisk(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // A leftover temporary file is invisible to readers and to list(); it must not mask the real outcome.
    }
  }

  private StoreException failure(String action, String key, IOException e) {
    return new StoreException("Could not " + action + " '" + key + "' in store " + describe() + ": " + e, e);
  }
}
