package io.datom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.datom.spark.options.DatomReadOptions;
import io.datom.spark.options.DatomWriteOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the user docs honest: every option the code reads is in {@code docs/options.md}, and every error the code
 * raises (each exception class of core and the connector) is in {@code docs/troubleshooting.md}.
 */
class DocsConsistencyTest {

  private static final Path MODULE = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path DOCS = MODULE.resolveSibling("docs");
  private static final Pattern EXCEPTION_CLASS =
      Pattern.compile("public (?:abstract |final )?class (\\w+Exception) extends (\\w+)");

  @Test
  void everyOptionIsInTheOptionsReference() throws Exception {
    String reference = Files.readString(DOCS.resolve("options.md"));
    List<String> missing = new ArrayList<>();
    for (Class<?> options : List.of(DatomReadOptions.class, DatomWriteOptions.class, DatomCatalog.class)) {
      for (String name : optionNames(options)) {
        if (!Pattern.compile("`[^`]*" + Pattern.quote(name) + "[^`]*`").matcher(reference).find()) {
          missing.add(options.getSimpleName() + ": " + name);
        }
      }
    }
    assertEquals(List.of(), missing, "options missing from docs/options.md");
  }

  @Test
  void everyErrorIsInTroubleshooting() throws IOException {
    String troubleshooting = Files.readString(DOCS.resolve("troubleshooting.md"));
    TreeSet<String> errors = new TreeSet<>();
    errors.addAll(exceptionClasses(MODULE.resolve("src/main/java")));
    errors.addAll(exceptionClasses(MODULE.resolveSibling("core").resolve("src/main/java")));
    errors.remove("DatomException"); // the abstract base
    assertFalse(errors.isEmpty(), "no exception classes found: the scan is broken");
    List<String> missing = errors.stream().filter(name -> !troubleshooting.contains("`" + name + "`")).toList();
    assertEquals(List.of(), missing, "errors missing from docs/troubleshooting.md");
  }

  private static List<String> optionNames(Class<?> holder) throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  private static List<String> exceptionClasses(Path sources) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = EXCEPTION_CLASS.matcher(Files.readString(file));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }
}
