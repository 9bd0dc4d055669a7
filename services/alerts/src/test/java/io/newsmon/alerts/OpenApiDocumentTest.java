package io.newsmon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.testing.OpenApiOperations;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document ({@code /openapi.yaml}) lists exactly the operations the REST
 * resources serve: adding an endpoint without documenting it, or the reverse, fails the build.
 */
class OpenApiDocumentTest {

  /** Every REST resource of the service, found on the class path so none can be forgotten. */
  private static final List<Class<?>> RESOURCES =
      new com.tngtech.archunit.core.importer.ClassFileImporter()
              .withImportOption(
                  com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("io.newsmon.alerts")
              .stream()
              .filter(c -> c.isAnnotatedWith(Path.class))
              .map(com.tngtech.archunit.core.domain.JavaClass::reflect)
              .<Class<?>>map(c -> c)
              .toList();

  @Test
  void documentsEveryOperationAndNothingElse() throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/resources/openapi.yaml")) {
      assertThat(RESOURCES).hasSizeGreaterThanOrEqualTo(3);
      assertThat(OpenApiOperations.documented(in)).isEqualTo(OpenApiOperations.served(RESOURCES));
    }
  }
}
