package io.newsmon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    Set<String> served = new TreeSet<>();
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method m : resource.getDeclaredMethods()) {
        String verb = verb(m);
        if (verb == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        served.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
      }
    }
    Set<String> documented = new TreeSet<>();
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/resources/openapi.yaml")) {
      JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
      for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
        String path = p.next();
        paths
            .path(path)
            .fieldNames()
            .forEachRemaining(
                verb -> {
                  if (Set.of("get", "post", "put", "delete", "patch").contains(verb)) {
                    documented.add(verb.toUpperCase() + " " + path);
                  }
                });
      }
    }
    assertThat(RESOURCES).hasSizeGreaterThanOrEqualTo(3);
    assertThat(documented).isEqualTo(served);
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }
}
