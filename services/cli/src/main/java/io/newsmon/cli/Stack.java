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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The newsmon services as processes: a local KRaft broker or cluster (unless an external cluster is
 * given), one or more pipeline instances, one or more alert service instances and the ingest
 * service. Closing stops them in reverse order.
 *
 * <p>The first instance of a service is named after it ({@code pipeline}, {@code alerts}); further
 * ones get a number ({@code pipeline-2}), which names their log and pid files.
 */
public final class Stack implements AutoCloseable {

  public static final String BROKER = "kafka";
  public static final String PIPELINE = "pipeline";
  public static final String ALERTS = "alerts";
  public static final String INGEST = "ingest";
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Where a running stack listens; the single URLs are the first instance's. */
  public record Endpoints(
      String bootstrapServers,
      URI alertsUrl,
      URI ingestUrl,
      URI pipelineHealth,
      List<URI> alertsUrls,
      List<URI> pipelineHealths) {

    public Endpoints {
      alertsUrls = List.copyOf(alertsUrls);
      pipelineHealths = List.copyOf(pipelineHealths);
    }

    /** One instance of each service. */
    public Endpoints(String bootstrapServers, URI alertsUrl, URI ingestUrl, URI pipelineHealth) {
      this(
          bootstrapServers,
          alertsUrl,
          ingestUrl,
          pipelineHealth,
          List.of(alertsUrl),
          List.of(pipelineHealth));
    }

    /** Each service's Prometheus endpoint (its first instance's), by service name. */
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
      for (int i = 0; i < alertsUrls.size(); i++) {
        p.setProperty(instanceName(ALERTS, i + 1) + ".url", alertsUrls.get(i).toString());
      }
      for (int i = 0; i < pipelineHealths.size(); i++) {
        p.setProperty(instanceName(PIPELINE, i + 1) + ".health", pipelineHealths.get(i).toString());
      }
      return p;
    }
  }

  /**
   * How many of each service: {@code brokers} local brokers (1: a single node; more: a cluster of
   * that many processes with 3 replicas per topic and {@code min.insync.replicas} 2, supervised by
   * one process); with an external cluster, how many brokers it has, which sets the pipeline's
   * replication factor. Pipeline instances share one application id (so the partitions are shared
   * out between them); alert service instances share their consumer groups.
   */
  public record Scale(int brokers, int pipelines, int alertServices) {
    public static final Scale SINGLE = new Scale(1, 1, 1);

    public Scale {
      if (brokers < 1 || pipelines < 1 || alertServices < 1) {
        throw new IllegalArgumentException("at least one of each service: " + this);
      }
    }

    /** Replicas of the pipeline's internal topics: as many as brokers, at most 3. */
    public int replicationFactor() {
      return Math.min(brokers, 3);
    }
  }

  /**
   * How to start a stack.
   *
   * @param externalBootstrap an existing cluster to use (no broker is started), or null
   * @param kafkaPort the local broker's port (a single broker only); 0 picks a free one (also for
   *     the HTTP ports)
   * @param alertsPort the first alert service instance's port; further instances get free ones
   * @param apiKeyHashes tenants' keys ({@code tenant:sha256hex}, comma-separated) for both the
   *     alert and the ingest service
   * @param adminKeyHashes admin keys (topic catalog, feeds), or null
   * @param webhookAllowlist internal hosts webhooks may reach, or null
   * @param feedsFile the ingest service's feeds file, or null
   * @param logFormat {@code json} for the pipeline's JSON log lines, or null for text
   * @param scale how many brokers and instances
   * @param extraEnv more environment variables by service ({@link #PIPELINE}, {@link #ALERTS},
   *     {@link #INGEST}, {@link #BROKER}), for every instance of it: tuning, such as a short retry
   *     schedule for a test
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
      String logFormat,
      Scale scale,
      Map<String, Map<String, String>> extraEnv) {

    public Settings {
      if (scale == null) {
        scale = Scale.SINGLE;
      }
      extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
    }

    /** One of each service, nothing extra in the environment. */
    public Settings(
        String externalBootstrap,
        int kafkaPort,
        int alertsPort,
        int ingestPort,
        String apiKeyHashes,
        String adminKeyHashes,
        String webhookAllowlist,
        Path feedsFile,
        String logFormat) {
      this(
          externalBootstrap,
          kafkaPort,
          alertsPort,
          ingestPort,
          apiKeyHashes,
          adminKeyHashes,
          webhookAllowlist,
          feedsFile,
          logFormat,
          Scale.SINGLE,
          Map.of());
    }

    /**
     * The defaults for a stack on this machine: a local single broker, free ports, no admin key,
     * feeds or JSON logs; webhooks may reach loopback (a local receiver).
     */
    public static Settings defaults(String apiKeyHashes) {
      return new Settings(null, 0, 0, 0, apiKeyHashes, null, "127.0.0.1", null, null);
    }

    public Settings withScale(Scale newScale) {
      return new Settings(
          externalBootstrap,
          kafkaPort,
          alertsPort,
          ingestPort,
          apiKeyHashes,
          adminKeyHashes,
          webhookAllowlist,
          feedsFile,
          logFormat,
          newScale,
          extraEnv);
    }

    public Settings withExternalBootstrap(String bootstrap) {
      return new Settings(
          bootstrap,
          kafkaPort,
          alertsPort,
          ingestPort,
          apiKeyHashes,
          adminKeyHashes,
          webhookAllowlist,
          feedsFile,
          logFormat,
          scale,
          extraEnv);
    }

    /** These settings with {@code env} added to {@code service}'s environment. */
    public Settings withEnv(String service, Map<String, String> env) {
      Map<String, Map<String, String>> all = new HashMap<>(extraEnv);
      Map<String, String> merged = new HashMap<>(all.getOrDefault(service, Map.of()));
      merged.putAll(env);
      all.put(service, merged);
      return new Settings(
          externalBootstrap,
          kafkaPort,
          alertsPort,
          ingestPort,
          apiKeyHashes,
          adminKeyHashes,
          webhookAllowlist,
          feedsFile,
          logFormat,
          scale,
          all);
    }

    Map<String, String> envOf(String service) {
      return extraEnv.getOrDefault(service, Map.of());
    }
  }

  /** Where a stack keeps its files. */
  public record Layout(Path data, Path logs, Path pids) {
    public static Layout under(Path dir) {
      return new Layout(dir.resolve("data"), dir.resolve("logs"), dir.resolve("run"));
    }
  }

  /** How a service instance was launched and how to tell it is ready, to launch it again. */
  private record Launch(ServiceProcess.Spec spec, Supplier<Object> ready, Runnable beforeStart) {}

  private final Layout layout;
  private final List<ServiceProcess> processes;
  private final Map<String, Launch> launches;
  private final Endpoints endpoints;

  private Stack(
      Layout layout,
      List<ServiceProcess> processes,
      Map<String, Launch> launches,
      Endpoints endpoints) {
    this.layout = layout;
    this.processes = processes;
    this.launches = launches;
    this.endpoints = endpoints;
  }

  /**
   * The name of instance {@code n} (from 1) of {@code service}: the service's own for the first.
   */
  public static String instanceName(String service, int n) {
    return n == 1 ? service : service + "-" + n;
  }

  /** Starts the services; returns once every one is ready (or fails, stopping those started). */
  public static Stack start(
      NewsmonHome home, Layout layout, Settings settings, PrintStream progress)
      throws InterruptedException {
    List<ServiceProcess> started = new ArrayList<>();
    Map<String, Launch> launches = new LinkedHashMap<>();
    Scale scale = settings.scale();
    try {
      String bootstrap = settings.externalBootstrap();
      if (bootstrap == null) {
        Path ready = layout.pids().resolve("kafka.ready");
        Files.deleteIfExists(ready);
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--data-dir", layout.data().resolve("kafka").toString()));
        if (scale.brokers() == 1) {
          progress.println("starting Kafka (single-node KRaft) ...");
          args.addAll(List.of("--port", Integer.toString(settings.kafkaPort())));
        } else {
          progress.println(
              "starting Kafka (" + scale.brokers() + " KRaft brokers, one process each) ...");
          args.addAll(List.of("--brokers", Integer.toString(scale.brokers())));
        }
        args.addAll(List.of("--ready-file", ready.toString()));
        ServiceProcess broker =
            ServiceProcess.start(
                new ServiceProcess.Spec(
                    BROKER,
                    home.java(),
                    // A cluster's supervisor only watches its brokers, each a JVM of its own.
                    List.of(scale.brokers() == 1 ? "-Xmx384m" : "-Xmx128m", "-XX:+UseSerialGC"),
                    home.brokerJar(),
                    args,
                    settings.envOf(BROKER),
                    home.root()),
                layout.logs(),
                layout.pids());
        started.add(broker);
        bootstrap = broker.awaitReady(() -> value(ready, "bootstrap.servers"), START_TIMEOUT);
        progress.println("  Kafka ready at " + bootstrap);
      }

      progress.println(
          "starting "
              + count(scale.pipelines(), "pipeline instance")
              + ", "
              + count(scale.alertServices(), "alert service instance")
              + " and the ingest service ...");
      // Ports chosen here, so the alert service's ops page can be told where the metrics are.
      List<Integer> healthPorts = new ArrayList<>();
      List<Path> pipelineReadyFiles = new ArrayList<>();
      for (int n = 1; n <= scale.pipelines(); n++) {
        healthPorts.add(LocalPorts.free());
      }
      for (int n = 1; n <= scale.pipelines(); n++) {
        String name = instanceName(PIPELINE, n);
        Path pipelineReady = layout.pids().resolve(name + ".ready");
        pipelineReadyFiles.add(pipelineReady);
        Map<String, String> pipelineEnv = new HashMap<>();
        pipelineEnv.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
        pipelineEnv.put(
            "NEWSMON_STATE_DIR",
            layout.data().resolve(n == 1 ? "pipeline-state" : name + "-state").toString());
        if (scale.replicationFactor() > 1) {
          pipelineEnv.put(
              "NEWSMON_REPLICATION_FACTOR", Integer.toString(scale.replicationFactor()));
        }
        if (settings.logFormat() != null) {
          pipelineEnv.put("NEWSMON_LOG_FORMAT", settings.logFormat());
        }
        pipelineEnv.put("NEWSMON_HEALTH_PORT", Integer.toString(healthPorts.get(n - 1)));
        pipelineEnv.putAll(settings.envOf(PIPELINE));
        ServiceProcess.Spec spec =
            new ServiceProcess.Spec(
                name,
                home.java(),
                // 512 MB, not 256: with 80 KB pages parsed to DOMs the old generation filled every
                // few seconds under a backlog, each full collection a 150-300 ms stall
                // (docs/benchmarks.md).
                List.of("-Xmx512m", "-XX:+UseSerialGC"),
                home.pipelineJar(),
                List.of("--ready-file", pipelineReady.toString()),
                pipelineEnv,
                home.root());
        launches.put(
            name,
            new Launch(
                spec,
                () -> value(pipelineReady, "health.url"),
                () -> deleteQuietly(pipelineReady)));
        deleteQuietly(pipelineReady);
        started.add(ServiceProcess.start(spec, layout.logs(), layout.pids()));
      }
      String pipelineMetrics =
          String.join(
              ",", healthPorts.stream().map(p -> "http://127.0.0.1:" + p + "/metrics").toList());

      List<URI> alertsUrls = new ArrayList<>();
      Map<String, URI> readyAt = new HashMap<>();
      for (int n = 1; n <= scale.alertServices(); n++) {
        String name = instanceName(ALERTS, n);
        int port = n == 1 && settings.alertsPort() != 0 ? settings.alertsPort() : LocalPorts.free();
        URI url = URI.create("http://127.0.0.1:" + port);
        alertsUrls.add(url);
        readyAt.put(name, url);
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
        alertsEnv.put("NEWSMON_ALERTS_OPS_PIPELINE_METRICS_URLS", pipelineMetrics);
        alertsEnv.putAll(settings.envOf(ALERTS));
        ServiceProcess.Spec spec =
            new ServiceProcess.Spec(
                name,
                home.java(),
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                home.alertsJar(),
                List.of(),
                alertsEnv,
                home.root());
        launches.put(
            name,
            new Launch(
                spec,
                () -> isReady(url.resolve("/q/health/ready")) ? Boolean.TRUE : null,
                () -> {}));
        started.add(ServiceProcess.start(spec, layout.logs(), layout.pids()));
      }

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
      ingestEnv.putAll(settings.envOf(INGEST));
      URI ingestUrl = URI.create("http://127.0.0.1:" + ingestPort);
      ServiceProcess.Spec ingestSpec =
          new ServiceProcess.Spec(
              INGEST,
              home.java(),
              List.of("-Xmx192m", "-XX:+UseSerialGC"),
              home.ingestJar(),
              List.of(),
              ingestEnv,
              home.root());
      launches.put(
          INGEST,
          new Launch(
              ingestSpec,
              () -> isReady(ingestUrl.resolve("/q/health/ready")) ? Boolean.TRUE : null,
              () -> {}));
      started.add(ServiceProcess.start(ingestSpec, layout.logs(), layout.pids()));

      List<URI> healths = new ArrayList<>();
      for (ServiceProcess process : started) {
        Launch launch = launches.get(process.name());
        if (launch == null) {
          continue; // the broker, ready already
        }
        Object ready = process.awaitReady(launch.ready(), START_TIMEOUT);
        if (process.name().startsWith(PIPELINE)) {
          healths.add(URI.create(ready.toString()));
          progress.println("  " + process.name() + " running (health " + ready + ")");
        } else if (process.name().startsWith(ALERTS)) {
          progress.println("  " + process.name() + " ready at " + readyAt.get(process.name()));
        } else {
          progress.println("  ingest service ready at " + ingestUrl);
        }
      }
      return new Stack(
          layout,
          started,
          launches,
          new Endpoints(
              bootstrap, alertsUrls.get(0), ingestUrl, healths.get(0), alertsUrls, healths));
    } catch (IOException e) {
      stopAll(started);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | InterruptedException e) {
      stopAll(started);
      throw e;
    }
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public List<ServiceProcess> processes() {
    return List.copyOf(processes);
  }

  /** The running (or last started) process of the instance {@code name}. */
  public synchronized ServiceProcess process(String name) {
    return processes.stream()
        .filter(p -> p.name().equals(name))
        .reduce((first, later) -> later)
        .orElseThrow(() -> new IllegalArgumentException("no service instance " + name));
  }

  /** SIGKILL: the instance gets no chance to close anything, as in a crash. */
  public void kill(String name) throws InterruptedException {
    process(name).kill();
  }

  /**
   * Starts the instance {@code name} again as it was first launched (same ports, state directory
   * and environment) and returns once it is ready. The broker is not restartable here.
   */
  public synchronized ServiceProcess restart(String name, Duration grace)
      throws InterruptedException {
    Launch launch = launches.get(name);
    if (launch == null) {
      throw new IllegalArgumentException(name + " cannot be restarted by the stack");
    }
    ServiceProcess old = process(name);
    old.stop(grace);
    launch.beforeStart().run();
    ServiceProcess fresh = ServiceProcess.start(launch.spec(), layout.logs(), layout.pids());
    processes.add(processes.indexOf(old), fresh);
    processes.remove(old);
    fresh.awaitReady(launch.ready(), START_TIMEOUT);
    return fresh;
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

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(Path readyFile, String key) {
    Properties p = ReadyFile.read(readyFile);
    return p == null ? null : p.getProperty(key);
  }
}
