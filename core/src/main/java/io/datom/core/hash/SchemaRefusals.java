package io.datom.core.hash;

import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.internal.text.RStrings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The refusals decided by a table's schema alone (format §14.1): unsupported types, empty names, names R cannot hold
 * ({@link RStrings}) and duplicate names (compared exactly, no case folding or normalisation). One offender per
 * column, the first that applies.
 */
final class SchemaRefusals {
  private SchemaRefusals() {}

  static List<Offender> of(List<ColumnSpec> columns) {
    Map<String, List<Integer>> positionsByName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      positionsByName.computeIfAbsent(columns.get(i).name(), name -> new ArrayList<>()).add(i + 1);
    }
    List<Offender> offenders = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      String recourse = recourse(column, i + 1, positionsByName.get(column.name()));
      if (recourse != null) {
        offenders.add(new Offender(RStrings.printable(column.name()), column.type().typeName(), recourse));
      }
    }
    return offenders;
  }

  private static String recourse(ColumnSpec column, int position, List<Integer> positionsWithName) {
    if (column.name().isEmpty()) {
      return "Its name is empty (position " + position + "). Give every column a non-empty name before writing.";
    }
    var unrepresentable = RStrings.problem(column.name());
    if (unrepresentable.isPresent()) {
      return "Its name " + unrepresentable.get() + " (position " + position + "), so the version's metadata could"
          + " not be read back. Rename the column before writing.";
    }
    if (positionsWithName.size() > 1) {
      return "The name is used by the columns at positions " + join(positionsWithName) + "; column names must be "
          + "unique (compared exactly). Rename or drop the duplicates before writing.";
    }
    return column.type().recourse().orElse(null);
  }

  private static String join(List<Integer> positions) {
    return positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
