package io.datom.spark.move;

import io.datom.core.CopyOutcome;
import io.datom.core.KeyCheck;
import io.datom.core.SwitchResult;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a copy, a verification and a move: one per key of the project's store, and for a move one last row
 * for {@code .datom/project.yaml}, the switch in git.
 */
final class MoveRows {

  /** The kind of the row that reports the switch of {@code project.yaml}. */
  static final String PROJECT_YAML = "project_yaml";

  /** key, kind, bytes, action, ok, detail. */
  static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("key", DataTypes.StringType, false),
      DataTypes.createStructField("kind", DataTypes.StringType, false),
      DataTypes.createStructField("bytes", DataTypes.LongType, true),
      DataTypes.createStructField("action", DataTypes.StringType, true),
      DataTypes.createStructField("ok", DataTypes.BooleanType, true),
      DataTypes.createStructField("detail", DataTypes.StringType, true)});

  private MoveRows() {}

  static Row copied(CopyOutcome outcome) {
    return RowFactory.create(outcome.item().key(), kind(outcome.item().kind()), outcome.bytes(),
        lower(outcome.action()), null, null);
  }

  static Row checked(KeyCheck check) {
    return RowFactory.create(check.item().key(), kind(check.item().kind()), check.bytes() < 0 ? null : check.bytes(),
        null, check.ok(), check.issue());
  }

  static Row moved(CopyOutcome outcome, KeyCheck check) {
    return RowFactory.create(outcome.item().key(), kind(outcome.item().kind()), outcome.bytes(),
        lower(outcome.action()), check.ok(), check.issue());
  }

  static Row switched(SwitchResult result) {
    return RowFactory.create(".datom/project.yaml", PROJECT_YAML, null, result.switched() ? "switched" : "unchanged",
        true, (result.switched() ? "committed " : "already pointed at the destination at ") + result.commit());
  }

  /** The one row of a move run again after its switch: nothing copied, nothing committed. */
  static Row alreadyMoved(String destination) {
    return RowFactory.create(".datom/project.yaml", PROJECT_YAML, null, "unchanged", true,
        "the project's data store is already " + destination + ": nothing copied (a copy from the old store now "
            + "would take the new one back to an older state)");
  }

  private static String kind(Enum<?> kind) {
    return lower(kind);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
