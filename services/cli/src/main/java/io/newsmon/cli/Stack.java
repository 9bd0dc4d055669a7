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
 * the pipeline, the alert service and the ingest service. Closing stops them in reverse order.
 */
public final class Stack implements AutoCloseable {

  public static final String BROKER = "kafka";
  public static final String PIPELINE = "pipeline";
  public static final String ALERTS = "alerts";
  public static final String INGEST = "ingest";
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Where a running stack listens. */
  public record Endpoints(
      String bootstrapServers, URI alertsUrl, URI ingestUrl, URI pipelineHealth) {
    /** Each service's Prometheus endpoint, by service name. */
    public Map<String, URI> metricsUrls() {
      return Map.of(
          PIPELINE,
          pipelineHealth.resolve("/metrics"),
          ALERTS,
          alertsUrl.resolve("/metrics"),
          INGEST,
          ingestUrl.resolve("/metrics"));
    }

    public Properties toProperties() {
      Properties p = new Properties();
      p.setProperty("bootstrap.servers", bootstrapServers);
      p.setProperty("alerts.url", alertsUrl.toString());
      p.setProperty("ingest.url", ingestUrl.toString());
      p.setProperty("pipeline.health", pipelineHealth.toString());
      return p;
    }
  }

  /**
   * How to start a stack.
   *
   * @param externalBootstrap an existing cluster to use (no broker is started), or null
   * @param kafkaPort the local broker's port; 0 picks a free one (also for the HTTP ports)
   * @param apiKeyHashes tenants' keys ({@code tenant:sha256hex}, comma-separated) for both the
   *     alert and the ingest service
   * @param adminKeyHashes admin keys (topic catalog, feeds), or null
   * @param webhookAllowlist internal hosts webhooks may reach, or null
   * @param feedsFile the ingest service's feeds file, or null
   * @param logFormat {@code json} for the pipeline's JSON log lines, or null for text
   */
  public record Settings(
      String externalBootstrap,
      int kafkaPort,
      int alertsPort,
      int ingestPort,
      String apiKeyHashes,
      String adminKeyHashes,
      String webhookAllowlist,
      Path feedsFile,
      String logFormat) {}

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

  /** Starts the services; returns once every one is ready (or fails, stopping those started). */
  public static Stack start(
      NewsmonHome home, Layout layout, Settings settings, PrintStream progress)
      throws InterruptedException {
    List<ServiceProcess> started = new ArrayList<>();
    try {
      String bootstrap = settings.externalBootstrap();
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
                        Integer.toString(settings.kafkaPort()),
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
      progress.println("starting pipeline, alert service and ingest service ...");
      Map<String, String> pipelineEnv = new HashMap<>();
      pipelineEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
      pipelineEnv.put("NEWSMON_STATE_DIR", layout.data().resolve("pipeline-state").toString());
      if (settings.logFormat() != null) {
        pipelineEnv.put("NEWSMON_LOG_FORMAT", settings.logFormat());
      }
      // A port chosen here, so the alert service's ops page can be told where the metrics are.
      int pipelineHealthPort = LocalPorts.free();
      pipelineEnv.put("NEWSMON_HEALTH_PORT", Integer.toString(pipelineHealthPort));
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

      int port = settings.alertsPort() == 0 ? LocalPorts.free() : settings.alertsPort();
      Map<String, String> alertsEnv = new HashMap<>();
      alertsEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
      alertsEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      alertsEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      alertsEnv.put("NEWSMON_ALERTS_API_KEYS", settings.apiKeyHashes());
      if (settings.adminKeyHashes() != null) {
        alertsEnv.put("NEWSMON_ALERTS_ADMIN_KEYS", settings.adminKeyHashes());
      }
      if (settings.webhookAllowlist() != null) {
        alertsEnv.put("NEWSMON_ALERTS_WEBHOOK_ALLOWLIST", settings.webhookAllowlist());
      }
      alertsEnv.put(
          "NEWSMON_ALERTS_OPS_PIPELINE_METRICS_URLS",
          "http://127.0.0.1:" + pipelineHealthPort + "/metrics");
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

      int ingestPort = settings.ingestPort() == 0 ? LocalPorts.free() : settings.ingestPort();
      Map<String, String> ingestEnv = new HashMap<>();
      ingestEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
      ingestEnv.put("QUARKUS_HTTP_PORT", Integer.toString(ingestPort));
      ingestEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      ingestEnv.put("NEWSMON_INGEST_API_KEYS", settings.apiKeyHashes());
      if (settings.adminKeyHashes() != null) {
        ingestEnv.put("NEWSMON_INGEST_ADMIN_KEYS", settings.adminKeyHashes());
      }
      if (settings.feedsFile() != null) {
        ingestEnv.put("NEWSMON_INGEST_FEEDS_FILE", settings.feedsFile().toString());
      }
      ServiceProcess ingest =
          ServiceProcess.start(
              new ServiceProcess.Spec(
                  INGEST,
                  home.java(),
                  List.of("-Xmx192m", "-XX:+UseSerialGC"),
                  home.ingestJar(),
                  List.of(),
                  ingestEnv,
                  home.root()),
              layout.logs(),
              layout.pids());
      started.add(ingest);

      URI alertsUrl = URI.create("http://127.0.0.1:" + port);
      URI ingestUrl = URI.create("http://127.0.0.1:" + ingestPort);
      URI health =
          URI.create(pipeline.awaitReady(() -> value(pipelineReady, "health.url"), START_TIMEOUT));
      progress.println("  pipeline running (health " + health + ")");
      alerts.awaitReady(
          () -> isReady(alertsUrl.resolve("/q/health/ready")) ? Boolean.TRUE : null, START_TIMEOUT);
      progress.println("  alert service ready at " + alertsUrl);
      ingest.awaitReady(
          () -> isReady(ingestUrl.resolve("/q/health/ready")) ? Boolean.TRUE : null, START_TIMEOUT);
      progress.println("  ingest service ready at " + ingestUrl);
      return new Stack(started, new Endpoints(bootstrap, alertsUrl, ingestUrl, health));
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
