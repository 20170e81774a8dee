package io.tessera;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer arrows of ARCHITECTURE §2: ui → client → (HTTP) → api.http → service → store → core;
 * cli → service and client; app → everything; everyone may use core; client uses api.dto only.
 */
@AnalyzeClasses(packages = "io.tessera", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("core").definedBy("io.tessera.core..")
          .layer("store").definedBy("io.tessera.store..")
          .layer("service").definedBy("io.tessera.service..")
          .layer("dto").definedBy("io.tessera.api.dto..")
          .layer("http").definedBy("io.tessera.api.http..")
          .layer("client").definedBy("io.tessera.client..")
          .layer("ui").definedBy("io.tessera.ui..")
          .layer("cli").definedBy("io.tessera.cli..")
          .layer("app").definedBy("io.tessera.app..")
          .whereLayer("app").mayNotBeAccessedByAnyLayer()
          .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
          .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
          .whereLayer("client").mayOnlyBeAccessedByLayers("ui", "cli", "app")
          .whereLayer("http").mayOnlyBeAccessedByLayers("app")
          .whereLayer("dto").mayOnlyBeAccessedByLayers("http", "client", "ui", "cli", "app")
          .whereLayer("service").mayOnlyBeAccessedByLayers("http", "cli", "app")
          .whereLayer("store").mayOnlyBeAccessedByLayers("service", "app");

  @ArchTest
  static final ArchRule coreIsPure =
      noClasses()
          .that().resideInAPackage("io.tessera.core..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javafx..", "io.javalin..", "okhttp3..", "org.jdbi..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule uiNeverTouchesTheDatabase =
      noClasses()
          .that().resideInAPackage("io.tessera.ui..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.jdbi..", "org.h2..", "io.javalin..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule clientKnowsOnlyTheWire =
      noClasses()
          .that().resideInAPackage("io.tessera.client..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "org.jdbi..", "java.sql..")
          .allowEmptyShould(true);
}
