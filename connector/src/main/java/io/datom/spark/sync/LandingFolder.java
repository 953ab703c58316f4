package io.datom.spark.sync;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a landing folder, any Hadoop path ({@code file:}, {@code s3a:}, {@code abfss:} …), listed once on the
 * driver. As in R's {@code datom_sync_manifest}, the folder must be flat (a subdirectory aborts the listing) and
 * hidden files (names starting with a dot) are left out; files come in file-name order.
 */
public final class LandingFolder {

  private LandingFolder() {}

  /**
   * The files of {@code folder}.
   *
   * @throws InvalidLandingFolderException if it does not exist, is not a directory, or holds a subdirectory
   */
  public static List<LandingFile> list(String folder, Configuration conf) {
    Path path = new Path(folder);
    FileStatus[] entries;
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new InvalidLandingFolderException(folder, "The landing folder " + folder + " is a file, not a folder. "
            + "Give the folder that holds the files to sync.");
      }
      entries = fs.listStatus(path);
    } catch (FileNotFoundException e) {
      throw new InvalidLandingFolderException(folder, "The landing folder " + folder + " does not exist. Check the "
          + "path (a Hadoop path such as s3a://bucket/landing/2026-11 or file:///data/landing).");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the landing folder " + folder, e);
    }
    List<LandingFile> files = new ArrayList<>();
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.startsWith(".")) {
        continue;
      }
      if (entry.isDirectory()) {
        throw new InvalidLandingFolderException(folder, "The landing folder " + folder + " holds a subdirectory, "
            + name + ": a sync takes a flat folder of files, as R's datom_sync_manifest does. Move the subdirectory "
            + "out, or sync it as a landing folder of its own.");
      }
      files.add(new LandingFile(entry.getPath().toString(), name, entry.getLen()));
    }
    files.sort(Comparator.comparing(LandingFile::fileName));
    return List.copyOf(files);
  }
}
