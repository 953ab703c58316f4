package io.datom.core.internal.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The data repository's {@code .gitignore} as {@code datom_init_repo} writes it (format §1.3). */
public final class GitIgnore {

  /** R's default {@code git_ignore} patterns, in order. */
  public static final List<String> DEFAULT_PATTERNS = List.of(
      ".Rprofile", ".Renviron", ".Rhistory", ".Rapp.history", ".Rproj.user/", ".DS_Store", "*.csv", "*.tsv", "*.rds",
      "*.txt", "*.parquet", "*.sas7bdat", ".RData", ".RDataTmp", "*.html", "*.png", "*.pdf", ".vscode/",
      "rsconnect/");

  /** Always appended: source files for {@code datom_sync} never go into git. */
  public static final String INPUT_FILES = "input_files/";

  private GitIgnore() {}

  /** The file with R's default patterns. */
  public static String content() {
    return content(DEFAULT_PATTERNS);
  }

  /** One pattern per line, each ending in LF: {@code patterns} then {@code input_files/}, duplicates removed. */
  public static String content(List<String> patterns) {
    List<String> lines = new ArrayList<>(patterns);
    lines.add(INPUT_FILES);
    StringBuilder out = new StringBuilder();
    for (String line : new LinkedHashSet<>(lines)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
