package io.datom.core.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * R's {@code yaml::write_yaml} (yaml 2.3 on libyaml 0.2.5) for a tree of maps, lists and scalars: R's scalar
 * formatting and quoting choices, then libyaml's block emitter with its default 2-space indent and 80-column folding.
 * Ported from libyaml's {@code emitter.c} so that {@code project.yaml} is byte-identical to R's.
 *
 * <p>Nodes: {@code Map<String, ?>} (a named list), {@code List<?>} (a sequence; one scalar element is written bare,
 * as R's length-1 vectors are), {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean} and
 * {@code null} ({@code ~}).
 */
final class RYamlEmitter {

  private enum Style { ANY, PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;
  private static final int MAX_SIMPLE_KEY_BYTES = 128;
  private static final int R_PRECISION = 7;

  private final StringBuilder out = new StringBuilder();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int column;
  private int indent = -1;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean mappingContext;
  private boolean simpleKeyContext;

  private RYamlEmitter() {}

  /** The YAML document for {@code root}, ending with a newline. */
  static String write(Object root) {
    RYamlEmitter emitter = new RYamlEmitter();
    emitter.node(root, false, false);
    emitter.writeIndent();
    return emitter.out.toString();
  }

  private void node(Object node, boolean mapping, boolean simpleKey) {
    mappingContext = mapping;
    simpleKeyContext = simpleKey;
    if (node instanceof Map<?, ?> map) {
      mapping(map);
    } else if (node instanceof List<?> list && !(list.size() == 1 && isScalar(list.get(0)))) {
      sequence(list);
    } else if (node instanceof List<?> single) {
      scalar(single.get(0));
    } else {
      scalar(node);
    }
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private void mapping(Map<?, ?> map) {
    if (map.isEmpty()) {
      emptyFlow("{", "}");
      return;
    }
    increaseIndent(false, false);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      writeIndent();
      String key = String.valueOf(entry.getKey());
      if (key.contains("\n") || key.getBytes(StandardCharsets.UTF_8).length > MAX_SIMPLE_KEY_BYTES) {
        throw new IllegalArgumentException("YAML key cannot be written as a simple key: " + key);
      }
      node(key, true, true);
      writeIndicator(":", false, false, false);
      node(entry.getValue(), true, false);
    }
    indent = indents.pop();
  }

  private void sequence(List<?> list) {
    if (list.isEmpty()) {
      emptyFlow("[", "]");
      return;
    }
    // R's default indent.mapping.sequence = FALSE: a sequence under a mapping key starts at the key's column.
    increaseIndent(false, mappingContext && !indention);
    for (Object item : list) {
      writeIndent();
      writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    indent = indents.pop();
  }

  private void emptyFlow(String open, String close) {
    writeIndicator(open, true, true, false);
    increaseIndent(true, false);
    indent = indents.pop();
    writeIndicator(close, false, false, false);
  }

  private void scalar(Object value) {
    String text;
    Style requested = Style.ANY;
    if (value == null) {
      text = "~";
    } else if (value instanceof Boolean b) {
      text = b ? "yes" : "no";
    } else if (value instanceof Double || value instanceof Float) {
      text = formatReal(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      text = n.toString();
    } else {
      text = value.toString();
      if (RYamlImplicitTag.needsQuotes(text)) {
        requested = Style.SINGLE_QUOTED;
      } else if (text.contains("\n")) {
        requested = Style.LITERAL;
      }
    }
    int[] cps = text.codePoints().toArray();
    ScalarAnalysis analysis = ScalarAnalysis.of(cps);
    Style style = selectStyle(requested, analysis, text.isEmpty());
    increaseIndent(true, false);
    boolean allowBreaks = !simpleKeyContext;
    switch (style) {
      case PLAIN -> writePlain(cps, allowBreaks);
      case SINGLE_QUOTED -> writeSingleQuoted(cps, allowBreaks);
      case DOUBLE_QUOTED -> writeDoubleQuoted(cps, allowBreaks);
      default -> writeLiteral(cps);
    }
    indent = indents.pop();
  }

  private Style selectStyle(Style requested, ScalarAnalysis a, boolean empty) {
    Style style = requested == Style.ANY ? Style.PLAIN : requested;
    if (simpleKeyContext && a.multiline) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.PLAIN && (!a.blockPlainAllowed || (empty && simpleKeyContext))) {
      style = Style.SINGLE_QUOTED;
    }
    if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
      style = Style.DOUBLE_QUOTED;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || simpleKeyContext)) {
      style = Style.DOUBLE_QUOTED;
    }
    return style;
  }

  private void writePlain(int[] cps, boolean allowBreaks) {
    if (!whitespace && cps.length > 0) {
      put(' ');
    }
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !nextIsSpace(cps, i)) {
          writeIndent();
        } else {
          write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
  }

  private void writeSingleQuoted(int[] cps, boolean allowBreaks) {
    writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1
            && !nextIsSpace(cps, i)) {
          writeIndent();
        } else {
          write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        write(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) {
      writeIndent();
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDoubleQuoted(int[] cps, boolean allowBreaks) {
    writeIndicator("\"", true, false, false);
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        writeEscape(c);
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
          writeIndent();
          if (nextIsSpace(cps, i)) {
            put('\\');
          }
        } else {
          write(c);
        }
        spaces = true;
      } else {
        write(c);
        spaces = false;
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeEscape(int c) {
    put('\\');
    switch (c) {
      case 0x00 -> put('0');
      case 0x07 -> put('a');
      case 0x08 -> put('b');
      case 0x09 -> put('t');
      case 0x0A -> put('n');
      case 0x0B -> put('v');
      case 0x0C -> put('f');
      case 0x0D -> put('r');
      case 0x1B -> put('e');
      case 0x22 -> put('"');
      case 0x5C -> put('\\');
      case 0x85 -> put('N');
      case 0xA0 -> put('_');
      case 0x2028 -> put('L');
      case 0x2029 -> put('P');
      default -> {
        int width;
        if (c <= 0xFF) {
          put('x');
          width = 2;
        } else if (c <= 0xFFFF) {
          put('u');
          width = 4;
        } else {
          put('U');
          width = 8;
        }
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
          put(Character.toUpperCase(Character.forDigit((c >> shift) & 0xF, 16)));
        }
      }
    }
  }

  private void writeLiteral(int[] cps) {
    writeIndicator("|", true, false, false);
    if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
      writeIndicator(Integer.toString(BEST_INDENT), false, false, false);
    }
    String chomp = chompIndicator(cps);
    if (chomp != null) {
      writeIndicator(chomp, false, false, false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        breaks = false;
      }
    }
  }

  /** "-" strips a missing final break, "+" keeps several, none clips to one. */
  private static String chompIndicator(int[] cps) {
    int n = cps.length;
    if (n == 0 || !isBreak(cps[n - 1])) {
      return "-";
    }
    if (n == 1 || isBreak(cps[n - 2])) {
      return "+";
    }
    return null;
  }

  private void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    out.append(indicator);
    column += indicator.length();
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void write(int codePoint) {
    out.appendCodePoint(codePoint);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  private void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
    }
  }

  private static boolean nextIsSpace(int[] cps, int i) {
    return i + 1 < cps.length && cps[i + 1] == ' ';
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** R yaml's {@code Ryaml_format_real} with {@code precision = 7}: {@code %.7f} or {@code %.7e}, zeros trimmed. */
  static String formatReal(double x) {
    if (Double.isNaN(x)) {
      return ".nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? ".inf" : "-.inf";
    }
    boolean exponential = x != 0 && (Math.log10(Math.abs(x)) < -4 || Math.log10(Math.abs(x)) >= R_PRECISION);
    String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
    BigDecimal magnitude = new BigDecimal(Math.abs(x));
    String mantissa;
    String suffix = "";
    if (exponential) {
      BigDecimal rounded = magnitude.round(new MathContext(R_PRECISION + 1, RoundingMode.HALF_EVEN));
      int exponent = rounded.precision() - rounded.scale() - 1;
      String digits = rounded.unscaledValue().toString();
      digits = digits + "0".repeat(R_PRECISION + 1 - digits.length());
      mantissa = digits.charAt(0) + "." + digits.substring(1);
      suffix = "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    } else {
      mantissa = magnitude.setScale(R_PRECISION, RoundingMode.HALF_EVEN).toPlainString();
    }
    int end = mantissa.length();
    while (mantissa.charAt(end - 1) == '0' && mantissa.charAt(end - 2) != '.') {
      end--;
    }
    return sign + mantissa.substring(0, end) + suffix;
  }

  /** libyaml's {@code yaml_emitter_analyze_scalar}: which styles can represent a scalar. */
  private record ScalarAnalysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed,
      boolean blockAllowed) {

    static ScalarAnalysis of(int[] cps) {
      int n = cps.length;
      if (n == 0) {
        return new ScalarAnalysis(false, true, true, false);
      }
      boolean blockIndicators = startsWithThree(cps, '-') || startsWithThree(cps, '.');
      boolean lineBreaks = false;
      boolean specialCharacters = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean precededByWhitespace = true;
      boolean previousSpace = false;
      boolean previousBreak = false;
      for (int i = 0; i < n; i++) {
        int c = cps[i];
        boolean followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
        if (i == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
            blockIndicators = true;
          }
          if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
            blockIndicators = true;
          }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
          blockIndicators = true;
        }
        if (!isPrintable(c)) {
          specialCharacters = true;
        }
        if (isBreak(c)) {
          lineBreaks = true;
        }
        if (c == ' ') {
          leadingSpace |= i == 0;
          trailingSpace |= i == n - 1;
          breakSpace |= previousBreak;
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(c)) {
          leadingBreak |= i == 0;
          trailingBreak |= i == n - 1;
          spaceBreak |= previousSpace;
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = isBlank(c);
      }
      boolean blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
          || spaceBreak || specialCharacters || lineBreaks || blockIndicators);
      boolean singleQuoted = !(breakSpace || spaceBreak || specialCharacters);
      boolean block = !(trailingSpace || spaceBreak || specialCharacters);
      return new ScalarAnalysis(lineBreaks, blockPlain, singleQuoted, block);
    }

    private static boolean startsWithThree(int[] cps, char c) {
      return cps.length >= 3 && cps[0] == c && cps[1] == c && cps[2] == c;
    }

    private static boolean isBlank(int c) {
      return c == ' ' || c == '\t' || isBreak(c);
    }

    /** libyaml's IS_PRINTABLE: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD except the BOM; not TAB, not beyond BMP. */
    static boolean isPrintable(int c) {
      return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }
  }
}
