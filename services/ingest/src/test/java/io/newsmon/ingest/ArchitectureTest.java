package io.newsmon.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ingest service's rules: decisions in plain classes, Kafka behind its own classes. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.newsmon.ingest");

  @Test
  void decisionsAreMadeWithoutTheFramework() {
    noClasses()
        .that()
        .haveNameMatching(".*\\.(ArticleSubmissions|FeedDirectory|KafkaFeedStore)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..", "io.vertx..")
        .check(CLASSES);
  }

  @Test
  void onlyKafkaClassesTalkToKafka() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.Kafka[A-Z][A-Za-z]*(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..")
        .check(CLASSES);
  }
}
