package io.datom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in {@code README.md} and {@code docs/*.md} resolves: the file exists and, where the link names
 * an anchor into a markdown file, that file has a heading with that anchor (GitHub's rules). Links with a scheme
 * (https, mailto) are not checked.
 */
class DocLinksTest {

  /** {@code [text](target)} and {@code ![alt](target)}; the target may carry a title after a space. */
  private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** {@code [label]: target} on a line of its own. */
  private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

  @Test
  void everyRelativeLinkResolves() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = proseLines(page);
      for (int i = 0; i < lines.size(); i++) {
        for (String target : linkTargets(lines.get(i))) {
          checked++;
          String problem = problemOf(page, target);
          if (problem != null) {
            broken.add(root.relativize(page) + ":" + (i + 1) + ": " + target + " (" + problem + ")");
          }
        }
      }
    }
    assertFalse(checked == 0, "no relative links found: the scan is broken");
    assertTrue(broken.isEmpty(), () -> "broken relative links in README.md and docs/:\n" + String.join("\n", broken));
  }

  @Test
  void anchorsFollowGitHubRules() {
    assertEquals("catalog-sparksqlcatalogname--iodatomsparkdatomcatalog",
        anchorOf("Catalog: `spark.sql.catalog.<name> = io.datom.spark.DatomCatalog`"));
    assertEquals("datoms-sql-functions", anchorOf("datom's SQL functions"));
    assertEquals("integrity-when-parquet_sha-is-checked", anchorOf("Integrity: when `parquet_sha` is checked"));
    assertEquals("see-the-guide", anchorOf("See [the guide](guide.md)"));
    assertEquals("14-decisions--notes", anchorOf("14. Decisions & notes"));
  }

  /** Null when {@code target}, written in {@code page}, resolves; otherwise what is wrong with it. */
  private String problemOf(Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      return "no such file";
    }
    if (hash < 0 || !file.toString().endsWith(".md")) {
      return null;
    }
    String anchor = target.substring(hash + 1);
    return anchorsOf(file).contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + file.getFileName();
  }

  private Set<String> anchorsOf(Path file) throws IOException {
    Set<String> known = anchorsByFile.get(file);
    if (known != null) {
      return known;
    }
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines(file)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String anchor = anchorOf(heading.group(1));
        int times = seen.merge(anchor, 1, Integer::sum);
        anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1)); // GitHub numbers repeated headings
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    anchorsByFile.put(file, anchors);
    return anchors;
  }

  /**
   * GitHub's anchor of a heading: its rendered text (code spans keep their content, links their text, HTML tags
   * go), lowercased, with every character but letters, digits, spaces, '-' and '_' removed and each space a '-'.
   */
  static String anchorOf(String heading) {
    StringBuilder text = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(heading);
    int from = 0;
    while (code.find()) {
      text.append(renderedProse(heading.substring(from, code.start()))).append(code.group(2).strip());
      from = code.end();
    }
    text.append(renderedProse(heading.substring(from)));
    return text.toString().strip().toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
        .replace(' ', '-');
  }

  private static String renderedProse(String markdown) {
    return markdown.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
  }

  /** Relative link targets on one line of prose (code spans left out). */
  private static List<String> linkTargets(String line) {
    String prose = CODE_SPAN.matcher(line).replaceAll("");
    List<String> targets = new ArrayList<>();
    Matcher inline = INLINE_LINK.matcher(prose);
    while (inline.find()) {
      targets.add(inline.group(1));
    }
    Matcher reference = REFERENCE_LINK.matcher(prose);
    if (reference.find()) {
      targets.add(reference.group(1));
    }
    targets.removeIf(target -> target.isEmpty() || SCHEME.matcher(target).find());
    return targets;
  }

  /** The file's lines, with the lines of fenced code blocks blanked so that line numbers stay true. */
  private static List<String> proseLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      boolean fence = FENCE.matcher(lines.get(i)).find();
      if (inFence || fence) {
        lines.set(i, "");
      }
      if (fence) {
        inFence = !inFence;
      }
    }
    return lines;
  }

  /** The nearest folder, from this module's folder up, that holds README.md and docs/. */
  private static Path repositoryRoot() {
    Path start = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with README.md and docs/ at or above " + start);
  }
}
