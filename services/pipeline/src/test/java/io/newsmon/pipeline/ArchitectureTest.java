package io.newsmon.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pipeline's layering, as executable rules. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.newsmon.pipeline");

  @Test
  void stageLogicKnowsNeitherKafkaNorTheWireTypes() {
    // Processors adapt Kafka records and Avro types to the domain classes; everything else in a
    // stage package is plain Java, testable and benchmarkable without Kafka.
    noClasses()
        .that()
        .resideInAnyPackage(
            "..pipeline.clean..", "..pipeline.dedup..", "..pipeline.flag..", "..pipeline.text..")
        .and()
        .haveSimpleNameNotEndingWith("Processor")
        .and()
        .doNotHaveSimpleName("StoreDedupIndex")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "io.newsmon.avro..")
        .check(CLASSES);
  }

  @Test
  void stagesDoNotReachIntoEachOther() {
    noClasses()
        .that()
        .resideInAPackage("..pipeline.flag..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..pipeline.clean..", "..pipeline.dedup..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("..pipeline.text..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..pipeline.clean..", "..pipeline.dedup..", "..pipeline.flag..")
        .check(CLASSES);
  }
}
