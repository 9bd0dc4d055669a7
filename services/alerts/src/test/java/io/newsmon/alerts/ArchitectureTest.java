package io.newsmon.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The alert service's layering, as executable rules. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.newsmon.alerts");

  @Test
  void deliveryLogicIsPlainJavaBehindTheFrameworkAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..alerts.delivery..")
        .and()
        .haveSimpleNameNotEndingWith("Listener")
        .and()
        .haveSimpleNameNotEndingWith("Beans")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..")
        .check(CLASSES);
  }

  @Test
  void secretsNeverLeaveThroughTheListView() throws Exception {
    // The only place a signing secret is rendered is the creation response.
    noClasses()
        .that()
        .resideOutsideOfPackages("..alerts.subscription..", "..alerts.delivery..")
        .should()
        .callMethod(io.newsmon.alerts.subscription.WebhookSubscription.class, "signingSecret")
        .check(CLASSES);
  }
}
