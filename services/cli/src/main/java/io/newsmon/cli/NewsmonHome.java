package io.newsmon.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where newsmon's packaged services live: the repository root, given by the launcher ({@code
 * -Dnewsmon.home} or {@code NEWSMON_HOME}).
 */
public record NewsmonHome(Path root) {

  public static NewsmonHome locate() {
    String value = System.getProperty("newsmon.home", System.getenv("NEWSMON_HOME"));
    Path root = Path.of(value == null ? "." : value).toAbsolutePath().normalize();
    if (!Files.exists(root.resolve("services"))) {
      throw new IllegalStateException("not a newsmon checkout: " + root + " (set NEWSMON_HOME)");
    }
    return new NewsmonHome(root);
  }

  public Path brokerJar() {
    return required(root.resolve("services/kafka-local/target/newsmon-kafka-local.jar"));
  }

  public Path pipelineJar() {
    return required(root.resolve("services/pipeline/target/newsmon-pipeline.jar"));
  }

  public Path alertsJar() {
    return required(root.resolve("services/alerts/target/quarkus-app/quarkus-run.jar"));
  }

  public Path ingestJar() {
    return required(root.resolve("services/ingest/target/quarkus-app/quarkus-run.jar"));
  }

  public Path seeds() {
    return root.resolve("deploy/demo/seeds");
  }

  /** Runtime files of {@code ./newsmon up}: data, logs, pids. */
  public Path runtimeDir() {
    return root.resolve(".newsmon");
  }

  public Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static Path required(Path jar) {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first (./mvnw -DskipTests package)");
    }
    return jar;
  }
}
