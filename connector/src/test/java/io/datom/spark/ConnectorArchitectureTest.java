package io.datom.spark;

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
 * Guards the connector's shape (issue #13): its packages form no cycle, it uses only core's public packages, and its
 * root package (the user's entry points) is used by nothing else. Only production classes are analysed.
 *
 * <p>A violation names the offending classes and the line of each dependency.
 */
@AnalyzeClasses(packages = ConnectorArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorArchitectureTest {

  static final String ROOT = "io.datom.spark";

  /** Core's public surface: everything else of core is internal and may change without notice. */
  static final String[] PUBLIC_CORE_PACKAGES = {
    "io.datom.core", "io.datom.core.exceptions", "io.datom.core.store", "io.datom.core.hash"
  };

  @ArchTest
  static final ArchRule connectorUsesOnlyPublicCore = noClasses()
      .that().resideInAPackage(ROOT + "..")
      .should().dependOnClassesThat(
          JavaClass.Predicates.resideInAPackage("io.datom.core..")
              .and(JavaClass.Predicates.resideOutsideOfPackages(PUBLIC_CORE_PACKAGES)))
      .because("the connector uses core only through its public packages " + String.join(", ", PUBLIC_CORE_PACKAGES));

  @ArchTest
  static final ArchRule onlyTheRootUsesTheRoot = noClasses()
      .that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT)
      .should().dependOnClassesThat().resideInAPackage(ROOT)
      .because("the root package holds the user's entry points, which sit on top of every other package");

  @ArchTest
  static final ArchRule connectorPackagesAreFreeOfCycles = slices()
      .assignedFrom(new ConnectorPackages())
      .should().beFreeOfCycles()
      .because("the connector is laid out by role, each package using only the ones below it");

  /** One slice per package of the connector, the root {@code io.datom.spark} included. */
  private static final class ConnectorPackages implements SliceAssignment {

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "packages of the connector (the root io.datom.spark and each package under it)";
    }
  }
}
