package io.datom.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Guards core's shape (issue #13): no package cycles, and no engine types. Only production classes are analysed.
 *
 * <p>A violation names the offending classes and the line of each dependency.
 */
@AnalyzeClasses(packages = CoreArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  static final String ROOT = "io.datom.core";
  private static final String INTERNAL = ROOT + ".internal";

  /** Core runs inside any engine, so it must not load one. */
  @ArchTest
  static final ArchRule coreUsesNoEngine = noClasses()
      .that().resideInAPackage(ROOT + "..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
      .because("core is engine-independent: Spark, Hadoop and Scala belong to the connector");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = slices()
      .assignedFrom(new CorePackages())
      .should().beFreeOfCycles()
      .because("core is layered: a package only uses packages below it");

  /**
   * One slice per package of core: the root {@code io.datom.core}, each {@code io.datom.core.X}, and each
   * {@code io.datom.core.internal.X} (subpackages deeper than that belong to their slice).
   */
  private static final class CorePackages implements SliceAssignment {

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      if (name.equals(ROOT)) {
        return SliceIdentifier.of(ROOT);
      }
      String under = name.startsWith(INTERNAL + ".") ? INTERNAL : ROOT;
      if (!name.startsWith(under + ".")) {
        return name.equals(INTERNAL) ? SliceIdentifier.of(INTERNAL) : SliceIdentifier.ignore();
      }
      String rest = name.substring(under.length() + 1);
      int dot = rest.indexOf('.');
      return SliceIdentifier.of(under + "." + (dot < 0 ? rest : rest.substring(0, dot)));
    }

    @Override
    public String getDescription() {
      return "packages of core (the root, each io.datom.core.X and each io.datom.core.internal.X)";
    }
  }
}
