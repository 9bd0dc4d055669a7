package io.newsmon.feeds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The feed module's boundaries, as executable rules. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.newsmon.feeds");

  @Test
  void noFrameworkSoTheIngestServiceWrapsItAndTestsNeedNone() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "io.quarkus..", "io.smallrye..", "org.apache.kafka.streams..")
        .check(CLASSES);
  }

  @Test
  void onlyTheKafkaClassesTalkToKafka() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.Kafka[A-Z][A-Za-z]*(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void romeAndCrawlerCommonsStayBehindTheirOwnClass() {
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.FeedParser(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.rometools..")
        .check(CLASSES);
    noClasses()
        .that()
        .haveNameNotMatching(".*\\.RobotsPolicy(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("crawlercommons..")
        .check(CLASSES);
  }
}
