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
 */
public final class LocalStore implements Store {

  /** Suffix of in-flight temporary files; {@link #list} never reports them. */
  static final String TEMP_SUFFIX = ".datom-tmp";

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

  /** Writes {@code json} followed by LF, as R's {@code writeLines} does for a local store (format §2.1). */
  @Override
  public void writeJson(String key, String json) {
    Path target = pathOf(key);
    byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
    Path temp = null;
    try {
      temp = createTempBeside(target);
      writeDurably(temp, bytes);
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
          .filter(file -> !file.getFileName().toString().endsWith(TEMP_SUFFIX))
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
