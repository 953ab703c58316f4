package io.datom.examples;

import java.util.ArrayList;
import java.util.List;

/** The walkthrough's output: a short report with titled sections and aligned rows, printed at the end. */
final class Report {

  private final List<String> lines = new ArrayList<>();
  private final List<String[]> pendingRows = new ArrayList<>();

  void title(String text) {
    lines.add("");
    lines.add(text);
    lines.add("=".repeat(text.length()));
  }

  void section(String text) {
    flushRows();
    lines.add("");
    lines.add(text);
  }

  void line(String text) {
    flushRows();
    lines.add("  " + text);
  }

  /** A table row; consecutive rows are aligned in columns. */
  void row(String... cells) {
    pendingRows.add(cells);
  }

  void print() {
    flushRows();
    lines.forEach(System.out::println);
    System.out.println();
  }

  private void flushRows() {
    if (pendingRows.isEmpty()) {
      return;
    }
    int columns = pendingRows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : pendingRows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : pendingRows) {
      StringBuilder sb = new StringBuilder("  ");
      for (int i = 0; i < row.length; i++) {
        sb.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      lines.add(sb.toString().stripTrailing());
    }
    pendingRows.clear();
  }
}
