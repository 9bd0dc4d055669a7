package io.newsmon.cli;

import io.newsmon.common.Env;
import io.newsmon.common.ReadyFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./newsmon}: run, inspect and feed newsmon. */
@Command(
    name = "newsmon",
    mixinStandardHelpOptions = true,
    version = "newsmon 0.1.0",
    description = "Event-stream news monitoring on Apache Kafka.",
    subcommands = {
      Newsmon.DemoCommand.class,
      Newsmon.Up.class,
      Newsmon.Down.class,
      Newsmon.Status.class,
      Newsmon.Publish.class,
      CleanCommand.class,
      DedupCommand.class,
      FlagCommand.class,
      TopicsCommand.class,
      BenchCommand.class
    })
public final class Newsmon implements Runnable {

  static final List<String> SERVICES_IN_START_ORDER =
      List.of(Stack.BROKER, Stack.PIPELINE, Stack.ALERTS, Stack.INGEST);

  public static void main(String[] args) {
    System.exit(new CommandLine(new Newsmon()).execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  static PrintStream out() {
    return System.out;
  }

  @Command(
      name = "demo",
      description =
          "Run the canonical case end to end on a fresh local stack: "
              + "two copies of one article in, one alert out, one duplicate suppressed.")
  static final class DemoCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", description = "Article files (default: deploy/demo/seeds).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
      NewsmonHome home = NewsmonHome.locate();
      Path work = home.runtimeDir().resolve("demo-" + Instant.now().toEpochMilli());
      List<Path> input = files == null || files.isEmpty() ? Demo.seedFiles(home) : files;
      int exit = 1;
      try {
        exit = Demo.report(Demo.run(home, work, input, out()), out());
      } catch (IllegalStateException | java.io.IOException e) {
        System.err.println("demo FAILED: " + e.getMessage());
      } finally {
        // Keep the services' logs of a failed run for diagnosis; a good run leaves nothing.
        deleteRecursively(exit == 0 ? work : work.resolve("data"));
        if (exit != 0) {
          System.err.println("service logs: " + work.resolve("logs"));
        }
      }
      return exit;
    }
  }

  @Command(
      name = "up",
      description =
          "Start the broker (unless NEWSMON_BOOTSTRAP_SERVERS names a cluster), "
              + "the pipeline, the alert service and the ingest service in the background.")
  static final class Up implements Callable<Integer> {
    @CommandLine.Option(
        names = "--alerts-port",
        defaultValue = "8080",
        description = "Alert service HTTP port (0: any free port).")
    int alertsPort;

    @CommandLine.Option(
        names = "--ingest-port",
        defaultValue = "8081",
        description = "Ingest service HTTP port (0: any free port).")
    int ingestPort;

    @CommandLine.Option(
        names = "--feeds",
        description = "A feeds file for the ingest service (see deploy/feeds.example.yaml).")
    Path feeds;

    @CommandLine.Option(
        names = "--kafka-port",
        defaultValue = "9092",
        description =
            "Local broker port (0: any free port); a cluster (--brokers 3) picks free ones.")
    int kafkaPort;

    @CommandLine.Option(
        names = "--brokers",
        defaultValue = "1",
        description =
            "Local brokers: 1, or a KRaft cluster of N broker processes (3 replicas per topic,"
                + " min.insync.replicas 2). With NEWSMON_BOOTSTRAP_SERVERS, how many brokers that"
                + " cluster has (sets the pipeline's replication factor).")
    int brokers;

    @CommandLine.Option(
        names = "--pipelines",
        defaultValue = "1",
        description = "Pipeline instances (one application id: they share the partitions).")
    int pipelines;

    @CommandLine.Option(
        names = "--alerts",
        defaultValue = "1",
        description =
            "Alert service instances (the first on --alerts-port, the others on free ports).")
    int alertServices;

    @Override
    public Integer call() throws Exception {
      NewsmonHome home = NewsmonHome.locate();
      Stack.Layout layout = Stack.Layout.under(home.runtimeDir());
      if (instanceNames(layout).stream()
          .anyMatch(s -> ServiceProcess.find(s, layout.pids(), layout.logs()).isPresent())) {
        out().println("newsmon is already running: ./newsmon status, or ./newsmon down first");
        return 1;
      }
      String external = System.getenv(Env.BOOTSTRAP_SERVERS);
      String apiKey = apiKey(home);
      String adminKey = key(home, "admin-key");
      Stack stack =
          Stack.start(
              home,
              layout,
              new Stack.Settings(
                      external == null || external.isBlank() ? null : external,
                      kafkaPort,
                      alertsPort,
                      ingestPort,
                      "default:" + Keys.sha256(apiKey),
                      "admin:" + Keys.sha256(adminKey),
                      System.getenv("NEWSMON_ALERTS_WEBHOOK_ALLOWLIST"),
                      feeds == null ? null : feeds.toAbsolutePath(),
                      System.getenv("NEWSMON_LOG_FORMAT"))
                  .withScale(new Stack.Scale(brokers, pipelines, alertServices)),
              out());
      Properties endpoints = stack.endpoints().toProperties();
      ReadyFile.write(layout.pids().resolve("stack.properties"), (Map) endpoints);
      out()
          .println(
              "newsmon is up. Kafka: "
                  + stack.endpoints().bootstrapServers()
                  + ", alert service: "
                  + stack.endpoints().alertsUrl()
                  + ", ingest service: "
                  + stack.endpoints().ingestUrl()
                  + "; tenant 'default' API key in "
                  + home.runtimeDir().resolve("api-key")
                  + ", admin key (topic catalog, feeds) in "
                  + home.runtimeDir().resolve("admin-key"));
      if (stack.endpoints().alertsUrls().size() > 1) {
        out().println("alert service instances: " + stack.endpoints().alertsUrls());
      }
      out().println("logs: " + layout.logs() + "; stop with ./newsmon down");
      return 0;
    }
  }

  @Command(name = "down", description = "Stop what ./newsmon up started (data is kept).")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      NewsmonHome home = NewsmonHome.locate();
      Stack.Layout layout = Stack.Layout.under(home.runtimeDir());
      boolean any = false;
      for (String name : instanceNames(layout).reversed()) {
        Optional<ServiceProcess> process = ServiceProcess.find(name, layout.pids(), layout.logs());
        if (process.isPresent()) {
          any = true;
          out().print("stopping " + name + " (pid " + process.get().pid() + ") ... ");
          process.get().stop(Duration.ofSeconds(30));
          out().println("stopped");
        }
        Files.deleteIfExists(layout.pids().resolve(name + ".pid"));
      }
      Files.deleteIfExists(layout.pids().resolve("stack.properties"));
      out().println(any ? "newsmon is down" : "newsmon was not running");
      return 0;
    }
  }

  @Command(name = "status", description = "Show whether each service runs and is healthy.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      NewsmonHome home = NewsmonHome.locate();
      Stack.Layout layout = Stack.Layout.under(home.runtimeDir());
      Properties stack = ReadyFile.read(layout.pids().resolve("stack.properties"));
      if (stack == null) {
        out().println("newsmon is not up (./newsmon up starts it)");
        return 3;
      }
      boolean healthy = true;
      for (String name : instanceNames(layout)) {
        String service = serviceOf(name);
        Optional<ServiceProcess> process = ServiceProcess.find(name, layout.pids(), layout.logs());
        String state = process.map(p -> "running (pid " + p.pid() + ")").orElse("not running");
        if (name.equals(Stack.BROKER)
            && process.isEmpty()
            && System.getenv(Env.BOOTSTRAP_SERVERS) != null) {
          state = "external cluster";
        }
        String health =
            switch (service) {
              case Stack.BROKER ->
                  brokerReachable(stack.getProperty("bootstrap.servers"))
                      ? "reachable"
                      : "UNREACHABLE";
              case Stack.PIPELINE ->
                  Stack.isReady(
                          URI.create(
                              stack.getProperty(
                                  name + ".health", stack.getProperty("pipeline.health"))))
                      ? "healthy"
                      : "UNHEALTHY";
              case Stack.INGEST ->
                  Stack.isReady(
                          URI.create(stack.getProperty("ingest.url", "http://127.0.0.1:1"))
                              .resolve("/q/health/ready"))
                      ? "ready"
                      : "NOT READY";
              default ->
                  Stack.isReady(
                          URI.create(
                                  stack.getProperty(name + ".url", stack.getProperty("alerts.url")))
                              .resolve("/q/health/ready"))
                      ? "ready"
                      : "NOT READY";
            };
        healthy &= !health.equals(health.toUpperCase(java.util.Locale.ROOT));
        out().printf("%-11s %-24s %s%n", name, state, health);
      }
      out()
          .println(
              "Kafka "
                  + stack.getProperty("bootstrap.servers")
                  + ", alert service "
                  + stack.getProperty("alerts.url")
                  + ", ingest service "
                  + stack.getProperty("ingest.url"));
      return healthy ? 0 : 1;
    }
  }

  @Command(
      name = "publish",
      description =
          "Publish article files or directories to news.raw: .html, .html.gz, .md, .txt, .json"
              + " article records, and .jsonl with one record per line. Prints what was"
              + " published, skipped and refused (with reasons); a progress bar for large"
              + " batches.")
  static final class Publish implements Callable<Integer> {
    @Parameters(arity = "1..*", description = "Files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
      String bootstrap = runningBootstrap();
      if (bootstrap == null) {
        return 2;
      }
      try (ArticlePublisher publisher = new ArticlePublisher(bootstrap)) {
        ArticlePublisher.Summary summary = publisher.publish(paths, out());
        summary.skipped().forEach(s -> out().println("  skipped " + s));
        out().println(summary.line());
        return summary.failed().isEmpty() ? 0 : 1;
      }
    }
  }

  /**
   * Every service instance {@code ./newsmon up} may have started, in start order: each service's
   * first instance, and the further ones ({@code pipeline-2}, ...) whose pid files exist.
   */
  static List<String> instanceNames(Stack.Layout layout) {
    List<String> names = new java.util.ArrayList<>();
    for (String service : SERVICES_IN_START_ORDER) {
      names.add(service);
      for (int n = 2;
          Files.exists(layout.pids().resolve(Stack.instanceName(service, n) + ".pid"));
          n++) {
        names.add(Stack.instanceName(service, n));
      }
    }
    return names;
  }

  /** The service an instance name belongs to: {@code pipeline} for {@code pipeline-2}. */
  static String serviceOf(String instance) {
    int dash = instance.lastIndexOf('-');
    return dash > 0 && instance.substring(dash + 1).chars().allMatch(Character::isDigit)
        ? instance.substring(0, dash)
        : instance;
  }

  /**
   * The brokers to talk to: {@code NEWSMON_BOOTSTRAP_SERVERS}, else the stack {@code ./newsmon up}
   * started; null (after saying why) when neither exists.
   */
  static String runningBootstrap() throws IOException {
    String bootstrap = System.getenv(Env.BOOTSTRAP_SERVERS);
    if (bootstrap != null && !bootstrap.isBlank()) {
      return bootstrap;
    }
    Properties stack =
        ReadyFile.read(
            Stack.Layout.under(NewsmonHome.locate().runtimeDir())
                .pids()
                .resolve("stack.properties"));
    if (stack == null) {
      System.err.println("newsmon is not up: run ./newsmon up, or set " + Env.BOOTSTRAP_SERVERS);
      return null;
    }
    return stack.getProperty("bootstrap.servers");
  }

  static boolean brokerReachable(String bootstrap) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000))) {
      admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** The default tenant's API key, created on first use and readable by its owner only. */
  static String apiKey(NewsmonHome home) throws IOException {
    return key(home, "api-key");
  }

  /** The key kept in the runtime directory's file {@code name}, created on first use. */
  static String key(NewsmonHome home, String name) throws IOException {
    Path file = home.runtimeDir().resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    Files.createDirectories(file.getParent());
    String key = Keys.newKey();
    Files.writeString(file, key + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return key;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
