package io.newsmon.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations ({@code "GET /api/..."}) a service's JAX-RS resources serve and those its OpenAPI
 * document lists, so each service's test can demand they be the same. Annotations are matched by
 * name, so this module needs no JAX-RS.
 */
public final class OpenApiOperations {

  private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private OpenApiOperations() {}

  /** Every resource method of {@code resources} (classes annotated {@code @Path}). */
  public static Set<String> served(List<Class<?>> resources) {
    Set<String> served = new TreeSet<>();
    for (Class<?> resource : resources) {
      String base = path(resource.getAnnotations()).orElseThrow();
      for (Method m : resource.getDeclaredMethods()) {
        for (Annotation a : m.getAnnotations()) {
          String verb = a.annotationType().getSimpleName();
          if (VERBS.contains(verb) && a.annotationType().getPackageName().endsWith("ws.rs")) {
            served.add(verb + " " + base + path(m.getAnnotations()).map(p -> "/" + p).orElse(""));
          }
        }
      }
    }
    return served;
  }

  /** Every operation under {@code paths} of the OpenAPI document (YAML or JSON). */
  public static Set<String> documented(InputStream document) throws IOException {
    Set<String> documented = new TreeSet<>();
    JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(document).path("paths");
    for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
      String path = p.next();
      paths
          .path(path)
          .fieldNames()
          .forEachRemaining(
              verb -> {
                if (VERBS.contains(verb.toUpperCase())) {
                  documented.add(verb.toUpperCase() + " " + path);
                }
              });
    }
    return documented;
  }

  private static Optional<String> path(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getName().endsWith("ws.rs.Path")) {
        try {
          return Optional.of((String) a.annotationType().getMethod("value").invoke(a));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Optional.empty();
  }
}
