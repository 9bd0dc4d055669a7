package io.newsmon.cli;

import io.newsmon.common.LocalPorts;
import io.newsmon.common.ReadyFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The newsmon services as processes: a local KRaft broker (unless an external cluster is given),
 * the pipeline and the alert service. Closing stops them in reverse order.
 */
public final class Stack implements AutoCloseable {

  public static final String BROKER = "kafka";
  public static final String PIPELINE = "pipeline";
  public static final String ALERTS = "alerts";
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Where a running stack listens. */
  public record Endpoints(String bootstrapServers, URI alertsUrl, URI pipelineHealth) {
    public Properties toProperties() {
      Properties p = new Properties();
      p.setProperty("bootstrap.servers", bootstrapServers);
      p.setProperty("alerts.url", alertsUrl.toString());
      p.setProperty("pipeline.health", pipelineHealth.toString());
      return p;
    }
  }

  /** Where a stack keeps its files. */
  public record Layout(Path data, Path logs, Path pids) {
    public static Layout under(Path dir) {
      return new Layout(dir.resolve("data"), dir.resolve("logs"), dir.resolve("run"));
    }
  }

  private final List<ServiceProcess> processes;
  private final Endpoints endpoints;

  private Stack(List<ServiceProcess> processes, Endpoints endpoints) {
    this.processes = processes;
    this.endpoints = endpoints;
  }

  /**
   * Starts the services. {@code externalBootstrap} non-null means: use that cluster, start no
   * broker. Ports of 0 are picked free. {@code apiKeyHashes} configures the alert service's tenants
   * ({@code tenant:sha256hex}).
   */
  public static Stack start(
      NewsmonHome home,
      Layout layout,
      String externalBootstrap,
      int kafkaPort,
      int alertsPort,
      String apiKeyHashes,
      String adminKeyHashes,
      String webhookAllowlist,
      PrintStream progress)
      throws InterruptedException {
    List<ServiceProcess> started = new ArrayList<>();
    try {
      String bootstrap = externalBootstrap;
      if (bootstrap == null) {
        Path ready = layout.pids().resolve("kafka.ready");
        Files.deleteIfExists(ready);
        progress.println("starting Kafka (single-node KRaft) ...");
        ServiceProcess broker =
            ServiceProcess.start(
                new ServiceProcess.Spec(
                    BROKER,
                    home.java(),
                    List.of("-Xmx384m", "-XX:+UseSerialGC"),
                    home.brokerJar(),
                    List.of(
                        "--data-dir",
                        layout.data().resolve("kafka").toString(),
                        "--port",
                        Integer.toString(kafkaPort),
                        "--ready-file",
                        ready.toString()),
                    Map.of(),
                    home.root()),
                layout.logs(),
                layout.pids());
        started.add(broker);
        bootstrap = broker.awaitReady(() -> value(ready, "bootstrap.servers"), START_TIMEOUT);
        progress.println("  Kafka ready at " + bootstrap);
      }

      Path pipelineReady = layout.pids().resolve("pipeline.ready");
      Files.deleteIfExists(pipelineReady);
      progress.println("starting pipeline and alert service ...");
      Map<String, String> pipelineEnv = new HashMap<>();
      pipelineEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
      pipelineEnv.put("NEWSMON_STATE_DIR", layout.data().resolve("pipeline-state").toString());
      pipelineEnv.put("NEWSMON_HEALTH_PORT", "0");
      ServiceProcess pipeline =
          ServiceProcess.start(
              new ServiceProcess.Spec(
                  PIPELINE,
                  home.java(),
                  List.of("-Xmx256m", "-XX:+UseSerialGC"),
                  home.pipelineJar(),
                  List.of("--ready-file", pipelineReady.toString()),
                  pipelineEnv,
                  home.root()),
              layout.logs(),
              layout.pids());
      started.add(pipeline);

      int port = alertsPort == 0 ? LocalPorts.free() : alertsPort;
      Map<String, String> alertsEnv = new HashMap<>();
      alertsEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
      alertsEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      alertsEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      alertsEnv.put("NEWSMON_ALERTS_API_KEYS", apiKeyHashes);
      if (adminKeyHashes != null) {
        alertsEnv.put("NEWSMON_ALERTS_ADMIN_KEYS", adminKeyHashes);
      }
      if (webhookAllowlist != null) {
        alertsEnv.put("NEWSMON_ALERTS_WEBHOOK_ALLOWLIST", webhookAllowlist);
      }
      ServiceProcess alerts =
          ServiceProcess.start(
              new ServiceProcess.Spec(
                  ALERTS,
                  home.java(),
                  List.of("-Xmx256m", "-XX:+UseSerialGC"),
                  home.alertsJar(),
                  List.of(),
                  alertsEnv,
                  home.root()),
              layout.logs(),
              layout.pids());
      started.add(alerts);

      URI alertsUrl = URI.create("http://127.0.0.1:" + port);
      URI health =
          URI.create(pipeline.awaitReady(() -> value(pipelineReady, "health.url"), START_TIMEOUT));
      progress.println("  pipeline running (health " + health + ")");
      alerts.awaitReady(
          () -> isReady(alertsUrl.resolve("/q/health/ready")) ? Boolean.TRUE : null, START_TIMEOUT);
      progress.println("  alert service ready at " + alertsUrl);
      return new Stack(started, new Endpoints(bootstrap, alertsUrl, health));
    } catch (IOException e) {
      stopAll(started);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | InterruptedException e) {
      stopAll(started);
      throw e;
    }
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public List<ServiceProcess> processes() {
    return processes;
  }

  @Override
  public void close() {
    stopAll(processes);
  }

  /** Stops services in reverse start order: consumers first, the broker last. */
  static void stopAll(List<ServiceProcess> processes) {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop(Duration.ofSeconds(30));
    }
  }

  static boolean isReady(URI url) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String value(Path readyFile, String key) {
    Properties p = ReadyFile.read(readyFile);
    return p == null ? null : p.getProperty(key);
  }
}
