package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.cli.DeployFiles.Deployed;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.common.testing.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The deployment files, {@code deploy/docker-compose.yml} and {@code deploy/kubernetes/}, which no
 * test can run here (no Docker, no Kubernetes), checked against what the services really define and
 * serve and against the settings {@code ./newsmon up} runs them with ({@link Stack}), so they
 * cannot drift: every variable is a setting its service reads, probes hit the health endpoints the
 * services serve on the ports they listen on, topics are the catalog's, replication is three with
 * two in sync, and the alert service's instances share their work.
 */
class DeployManifestsTest {

  private static final List<String> SERVICES = List.of("pipeline", "alerts", "ingest");
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");
  private static final Pattern MEMORY = Pattern.compile("(\\d+)(Mi|Gi)");

  private static List<Deployed> deployments() {
    List<Deployed> out = new ArrayList<>();
    for (String service : SERVICES) {
      out.add(DeployFiles.composeService(service));
      out.add(DeployFiles.kubernetesService(service));
    }
    return out;
  }

  @Test
  void everyVariableIsASettingItsServiceReads() {
    for (Deployed deployed : deployments()) {
      ServiceSettings settings = ServiceSettings.byName(deployed.service());
      for (String variable : deployed.env().keySet()) {
        if (variable.startsWith("NEWSMON_") || variable.startsWith("QUARKUS_")) {
          assertThat(settings.accepts(variable) || passesThroughToKafkaStreams(deployed, variable))
              .as(
                  "%s sets %s for the %s, which reads none such (it reads %s)",
                  deployed.where(), variable, deployed.service(), settings.environment())
              .isTrue();
        } else {
          assertThat(variable)
              .as("%s: %s", deployed.where(), deployed.service())
              .isEqualTo("JAVA_TOOL_OPTIONS");
        }
      }
    }
  }

  /** The pipeline hands Kafka Streams settings it does not define to Kafka Streams unchanged. */
  private static boolean passesThroughToKafkaStreams(Deployed deployed, String variable) {
    if (!deployed.service().equals("pipeline")) {
      return false;
    }
    String property =
        io.newsmon.common.Env.toConfig(Map.of(variable, "")).keySet().iterator().next();
    return StreamsConfig.configDef().names().contains(property);
  }

  @Test
  void theServicesRunWithTheSettingsNewsmonUpGivesThem() {
    for (Deployed d : deployments()) {
      String brokers = brokers(d);
      // Stack: every service is pointed at the cluster, the Quarkus services get tenant and admin
      // keys, the pipeline a state directory and a health port, the ops page the pipeline metrics.
      assertThat(d.get("NEWSMON_BOOTSTRAP_SERVERS"))
          .as(d.where() + " " + d.service())
          .isEqualTo(brokers);
      switch (d.service()) {
        case "pipeline" -> {
          assertThat(d.get("NEWSMON_STATE_DIR")).as(d.where()).startsWith(stateVolume(d) + "/");
          assertThat(d.get("NEWSMON_HEALTH_PORT"))
              .as(d.where())
              .isEqualTo(Integer.toString(healthPort(d)));
          // Probed, scraped and read by the ops page from other containers and pods.
          assertThat(d.get("NEWSMON_HEALTH_HOST"))
              .as("%s: the pipeline's health server listens on every interface", d.where())
              .isEqualTo("0.0.0.0");
        }
        case "alerts" -> {
          assertThat(d.env())
              .as(d.where())
              .containsKeys("NEWSMON_ALERTS_API_KEYS", "NEWSMON_ALERTS_ADMIN_KEYS");
          Deployed pipeline = pipelineBeside(d);
          String port = pipeline.get("NEWSMON_HEALTH_PORT");
          assertThat(Arrays.asList(d.get("NEWSMON_ALERTS_OPS_PIPELINE_METRICS_URLS").split(",")))
              .as("%s: the ops page sums every pipeline instance's metrics", d.where())
              .containsExactlyElementsOf(
                  pipeline.instances().stream()
                      .map(i -> "http://" + pipelineHost(d, i) + ":" + port + "/metrics")
                      .toList());
        }
        case "ingest" ->
            assertThat(d.env())
                .as(d.where())
                .containsKeys("NEWSMON_INGEST_API_KEYS", "NEWSMON_INGEST_ADMIN_KEYS");
        default -> throw new IllegalStateException(d.service());
      }
      if (!d.service().equals("pipeline")) {
        assertThat(d.get("QUARKUS_HTTP_PORT"))
            .as(d.where())
            .isEqualTo(Integer.toString(httpPort(d)));
      }
    }
  }

  @Test
  void probesUseTheHealthEndpointsTheServicesServe() {
    // The pipeline serves these paths (PipelineMain); the Quarkus services SmallRye Health's
    // defaults, which their application.properties leave where they are, and /metrics.
    String pipelineMain =
        ServiceSettings.readString(
            ServiceSettings.HOME.resolve(
                "services/pipeline/src/main/java/io/newsmon/pipeline/PipelineMain.java"));
    for (String path : List.of("/health/ready", "/health/live", "/metrics")) {
      assertThat(pipelineMain)
          .containsPattern("createContext\\(\\s*\"" + Pattern.quote(path) + "\"");
    }
    for (String service : List.of("alerts", "ingest")) {
      Path module = ServiceSettings.HOME.resolve("services").resolve(service);
      assertThat(ServiceSettings.readString(module.resolve("pom.xml")))
          .contains("<artifactId>quarkus-smallrye-health</artifactId>");
      assertThat(ServiceSettings.byName(service).applicationProperties().keySet())
          .noneMatch(k -> k.contains("root-path") || k.startsWith("quarkus.smallrye-health"));
    }

    for (String service : SERVICES) {
      Deployed compose = DeployFiles.composeService(service);
      String ready = service.equals("pipeline") ? "/health/ready" : "/q/health/ready";
      String live = service.equals("pipeline") ? "/health/live" : "/q/health/live";
      String port =
          Integer.toString(service.equals("pipeline") ? healthPort(compose) : httpPort(compose));
      for (String instance : compose.instances()) {
        assertThat(
                texts(
                    DeployFiles.compose()
                        .path("services")
                        .path(instance)
                        .path("healthcheck")
                        .path("test")))
            .as("compose health check of %s", instance)
            .containsExactly("CMD", "http-ok", port, ready);
      }
      assertThat(dockerfileStage(service))
          .as("the image's own health check")
          .contains("CMD [\"http-ok\", \"" + port + "\", \"" + ready + "\"]");

      JsonNode container = DeployFiles.container(workload(service));
      Deployed k8s = DeployFiles.kubernetesService(service);
      // The kubelet asks from outside the pod: the pipeline's health server listens on every
      // interface there (NEWSMON_HEALTH_HOST, checked with the other settings).
      String portName = service.equals("pipeline") ? "health" : "http";
      int containerPort = containerPort(container, portName);
      assertThat(containerPort)
          .isEqualTo(service.equals("pipeline") ? healthPort(k8s) : httpPort(k8s));
      for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
        assertThat(container.path(probe).has("exec")).as("%s of %s", probe, service).isFalse();
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("port").asText()).as(probe).isEqualTo(portName);
        assertThat(get.path("path").asText())
            .as(probe)
            .isEqualTo(probe.equals("readinessProbe") ? ready : live);
      }
      JsonNode annotations =
          workload(service).path("spec").path("template").path("metadata").path("annotations");
      assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
      assertThat(annotations.path("prometheus.io/port").asText())
          .isEqualTo(Integer.toString(containerPort));
      assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
      if (!service.equals("pipeline")) {
        assertThat(ServiceSettings.readString(metricsResource(service)))
            .contains("@Path(\"/metrics\")");
      }
    }
  }

  /**
   * A pipeline instance whose stream threads keep failing exits (StreamThreadFailures) and any
   * process may crash: in compose only a restart policy brings it back, as the kubelet does on
   * Kubernetes.
   */
  @Test
  void everyComposeContainerIsRestartedWhenItExits() {
    DeployFiles.compose()
        .path("services")
        .properties()
        .forEach(
            service ->
                assertThat(service.getValue().path("restart").asText())
                    .as("restart policy of %s", service.getKey())
                    .isIn("unless-stopped", "always"));
  }

  @Test
  void kafkaTopicsAreGeneratedFromTheCatalog() throws Exception {
    Path file = DeployFiles.KUBERNETES.resolve("kafka-topics.yaml");
    String generated = KafkaTopicManifests.render();
    if (Boolean.getBoolean("newsmon.regenerate")) {
      Files.writeString(file, generated);
    }
    assertThat(Files.readString(file))
        .as(
            "deploy/kubernetes/kafka-topics.yaml is generated; regenerate: %s",
            KafkaTopicManifests.REGENERATE)
        .isEqualTo(generated);
    // And what Strimzi will read: every catalog topic, as the pipeline would create it.
    List<JsonNode> topics = DeployFiles.kubernetes("KafkaTopic");
    assertThat(topics.stream().map(t -> t.path("spec").path("topicName").asText()))
        .containsExactlyElementsOf(TopicCatalog.ALL.stream().map(TopicSpec::name).toList());
    for (JsonNode topic : topics) {
      TopicSpec spec = TopicCatalog.byName(topic.path("spec").path("topicName").asText());
      assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo(kafkaCluster());
      assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(spec.partitions());
      assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
      Map<String, String> config = DeployFiles.textMap(topic.path("spec").path("config"));
      assertThat(config)
          .containsAllEntriesOf(spec.kafkaConfig())
          .containsEntry("min.insync.replicas", "2");
    }
  }

  @Test
  void replicationIsThreeWithTwoInSyncEverywhere() {
    // Compose: three nodes, each broker and controller, all voters.
    JsonNode services = DeployFiles.compose().path("services");
    List<String> brokers = new ArrayList<>();
    services
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (services.path(n).path("image").asText().startsWith("apache/kafka:")) {
                brokers.add(n);
              }
            });
    assertThat(brokers).hasSize(3);
    Set<String> ids = new TreeSet<>();
    for (String broker : brokers) {
      JsonNode service = services.path(broker);
      Map<String, String> env = DeployFiles.textMap(service.path("environment"));
      assertThat(service.path("image").asText())
          .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
      assertThat(env)
          .as(broker)
          .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
          .containsEntry(
              "KAFKA_ADVERTISED_LISTENERS",
              "CLIENT://" + broker + ":9092,BROKER://" + broker + ":9094")
          .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
      ids.add(env.get("KAFKA_NODE_ID"));
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
          .isEqualTo(
              brokers.stream()
                  .map(
                      b ->
                          DeployFiles.textMap(services.path(b).path("environment"))
                                  .get("KAFKA_NODE_ID")
                              + "@"
                              + b
                              + ":9093")
                  .collect(Collectors.joining(",")));
      assertThat(service.path("volumes").toString()).contains(":" + env.get("KAFKA_LOG_DIRS"));
    }
    assertThat(ids).hasSize(3);
    assertThat(DeployFiles.composeService("pipeline").get("NEWSMON_REPLICATION_FACTOR"))
        .isEqualTo("3");

    // Strimzi: one pool of three nodes with both roles, the same broker settings.
    JsonNode kafka = DeployFiles.kubernetes("Kafka", kafkaCluster());
    assertThat(kafka.path("spec").path("kafka").path("version").asText())
        .isEqualTo(AppInfoParser.getVersion());
    Map<String, String> config =
        DeployFiles.textMap(kafka.path("spec").path("kafka").path("config"));
    assertThat(config)
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2");
    List<JsonNode> pools = DeployFiles.kubernetes("KafkaNodePool");
    assertThat(pools).hasSize(1);
    assertThat(pools.get(0).path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(texts(pools.get(0).path("spec").path("roles")))
        .containsExactlyInAnyOrder("controller", "broker");
    assertThat(pools.get(0).path("metadata").path("labels").path("strimzi.io/cluster").asText())
        .isEqualTo(kafkaCluster());
    assertThat(DeployFiles.kubernetesService("pipeline").get("NEWSMON_REPLICATION_FACTOR"))
        .isEqualTo("3");
    assertThat(kafka.path("spec").path("entityOperator").has("topicOperator"))
        .as("KafkaTopics need the topic operator")
        .isTrue();
  }

  @Test
  void twoAlertServiceInstancesShareTheirWork() {
    Map<String, String> application = ServiceSettings.alerts().applicationProperties();
    for (Deployed alerts :
        List.of(DeployFiles.composeService("alerts"), DeployFiles.kubernetesService("alerts"))) {
      assertThat(alerts.instances()).as(alerts.where()).hasSize(2);
      // One consumer group per input, the same on every instance: nothing may set it per instance.
      assertThat(alerts.env().keySet())
          .as(alerts.where())
          .noneMatch(v -> v.startsWith("MP_MESSAGING_") || v.startsWith("KAFKA_"));
      // More instances than partitions would leave some without work.
      assertThat(TopicCatalog.NEWS_FLAGGED.partitions())
          .isGreaterThanOrEqualTo(alerts.instances().size());
      assertThat(TopicCatalog.ALERTS_DELIVERIES.partitions())
          .isGreaterThanOrEqualTo(alerts.instances().size());
    }
    assertThat(application)
        .containsEntry("mp.messaging.incoming.news-flagged.group.id", "newsmon-alerts")
        .containsEntry("mp.messaging.incoming.news-flagged.isolation.level", "read_committed")
        .containsKey("mp.messaging.incoming.news-topic-spikes.group.id");
    for (Deployed pipeline :
        List.of(
            DeployFiles.composeService("pipeline"), DeployFiles.kubernetesService("pipeline"))) {
      assertThat(pipeline.instances()).as(pipeline.where()).hasSize(2);
      assertThat(TopicCatalog.NEWS_RAW.partitions())
          .isGreaterThanOrEqualTo(pipeline.instances().size());
    }
  }

  @Test
  void imagesCopyTheArtifactsNewsmonRunsAndFitTheirHeaps() {
    String dockerfile = ServiceSettings.readString(DeployFiles.DEPLOY.resolve("docker/Dockerfile"));
    assertThat(dockerfile).contains("FROM eclipse-temurin:21-jre AS base");
    // The paths NewsmonHome starts ./newsmon's services from.
    assertThat(dockerfileStage("pipeline"))
        .contains(
            "COPY services/pipeline/target/newsmon-pipeline.jar ",
            "COPY services/pipeline/target/lib/ /opt/newsmon/lib/");
    assertThat(dockerfileStage("alerts"))
        .contains("COPY services/alerts/target/quarkus-app/ /opt/newsmon/");
    assertThat(dockerfileStage("ingest"))
        .contains("COPY services/ingest/target/quarkus-app/ /opt/newsmon/");
    assertThat(dockerfile)
        .contains("COPY --chmod=0755 deploy/docker/http-ok /usr/local/bin/http-ok");
    assertThat(DeployFiles.DEPLOY.resolve("docker/http-ok")).isExecutable();

    for (String service : SERVICES) {
      String image = "newsmon/" + service + ":";
      JsonNode services = DeployFiles.compose().path("services");
      for (String instance : DeployFiles.composeService(service).instances()) {
        JsonNode build = services.path(instance).path("build");
        assertThat(build.path("context").asText()).isEqualTo("..");
        assertThat(build.path("dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile");
        assertThat(services.path(instance).path("image").asText()).startsWith(image);
      }
      JsonNode container = DeployFiles.container(workload(service));
      assertThat(container.path("image").asText()).startsWith(image);
      // The heap plus metaspace, threads and (for the pipeline) RocksDB must fit the limit.
      int heap = megabytes(XMX, DeployFiles.kubernetesService(service).get("JAVA_TOOL_OPTIONS"));
      int limit =
          megabytes(MEMORY, container.path("resources").path("limits").path("memory").asText());
      int request =
          megabytes(MEMORY, container.path("resources").path("requests").path("memory").asText());
      assertThat(limit)
          .as(service)
          .isGreaterThanOrEqualTo(heap + (service.equals("pipeline") ? 384 : 192));
      assertThat(request).as(service).isLessThanOrEqualTo(limit).isGreaterThan(heap);
      assertThat(DeployFiles.kubernetesService(service).get("JAVA_TOOL_OPTIONS"))
          .isEqualTo(DeployFiles.composeService(service).get("JAVA_TOOL_OPTIONS"));
    }
    // The pipeline's state lives on its own volume per instance.
    JsonNode statefulSet = workload("pipeline");
    assertThat(statefulSet.path("kind").asText()).isEqualTo("StatefulSet");
    assertThat(
            statefulSet
                .path("spec")
                .path("volumeClaimTemplates")
                .get(0)
                .path("metadata")
                .path("name")
                .asText())
        .isEqualTo("state");
  }

  @Test
  void composePrometheusScrapesEveryInstanceWithTheJobsTheRulesUse() throws Exception {
    Path prometheus = DeployFiles.DEPLOY.resolve("prometheus");
    Promtool.assertPasses(
        "check", "config", prometheus.resolve("prometheus-compose.yml").toString());
    JsonNode compose = DeployFiles.documents(prometheus.resolve("prometheus-compose.yml")).get(0);
    JsonNode local = DeployFiles.documents(prometheus.resolve("prometheus.yml")).get(0);
    assertThat(jobs(compose).keySet()).isEqualTo(jobs(local).keySet());
    for (String service : SERVICES) {
      Deployed d = DeployFiles.composeService(service);
      int port = service.equals("pipeline") ? healthPort(d) : httpPort(d);
      assertThat(jobs(compose).get("newsmon-" + service))
          .containsExactlyElementsOf(d.instances().stream().map(i -> i + ":" + port).toList());
    }
    assertThat(DeployFiles.compose().path("services").path("prometheus").path("volumes").toString())
        .contains("./prometheus/prometheus-compose.yml:", "./prometheus/rules.yml:");
  }

  // --- what the files say, read the way the services read it ---

  private static Map<String, List<String>> jobs(JsonNode prometheus) {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (JsonNode job : prometheus.path("scrape_configs")) {
      List<String> targets = new ArrayList<>();
      job.path("static_configs").forEach(c -> targets.addAll(texts(c.path("targets"))));
      out.put(job.path("job_name").asText(), targets);
    }
    return out;
  }

  private static String kafkaCluster() {
    return KafkaTopicManifests.CLUSTER;
  }

  /** The brokers a deployment's services must be pointed at. */
  private static String brokers(Deployed d) {
    if (d.where().startsWith("kubernetes")) {
      // Strimzi's bootstrap service, on the port of the (secured) listener clients are given.
      return kafkaCluster()
          + "-kafka-bootstrap:"
          + DeployFiles.strimziClientListener().path("port").asInt();
    }
    return DeployFiles.composeBrokers().values().stream()
        .map(
            broker ->
                DeployFiles.advertisedListeners(broker).get(DeployFiles.clientListener(broker)))
        .collect(Collectors.joining(","));
  }

  private static Deployed pipelineBeside(Deployed d) {
    return d.where().startsWith("kubernetes")
        ? DeployFiles.kubernetesService("pipeline")
        : DeployFiles.composeService("pipeline");
  }

  /** Where one pipeline instance is reached from another pod or container. */
  private static String pipelineHost(Deployed d, String instance) {
    return d.where().startsWith("kubernetes")
        ? instance + "." + workload("pipeline").path("spec").path("serviceName").asText()
        : instance;
  }

  private static int healthPort(Deployed pipeline) {
    int port = Integer.parseInt(pipeline.get("NEWSMON_HEALTH_PORT"));
    assertThat(port).as("the pipeline's health port must be fixed to be probed").isPositive();
    if (pipeline.where().startsWith("kubernetes")) {
      assertThat(containerPort(DeployFiles.container(workload("pipeline")), "health"))
          .isEqualTo(port);
    }
    return port;
  }

  /** The port a Quarkus service listens on: QUARKUS_HTTP_PORT, else application.properties'. */
  private static int httpPort(Deployed d) {
    String port = d.get("QUARKUS_HTTP_PORT");
    if (port == null) {
      String configured =
          ServiceSettings.byName(d.service()).applicationProperties().get("quarkus.http.port");
      Matcher m = Pattern.compile("\\$\\{(\\w+):(\\d+)}").matcher(configured);
      assertThat(m.matches()).isTrue();
      port = d.env().getOrDefault(m.group(1), m.group(2));
    }
    if (d.where().equals("docker-compose.yml")) {
      for (String instance : d.instances()) {
        for (JsonNode mapping :
            DeployFiles.compose().path("services").path(instance).path("ports")) {
          assertThat(mapping.asText()).as(instance).endsWith(":" + port);
        }
      }
    }
    return Integer.parseInt(port);
  }

  private static String stateVolume(Deployed pipeline) {
    if (pipeline.where().startsWith("kubernetes")) {
      List<String> state = new ArrayList<>();
      for (JsonNode mount : DeployFiles.container(workload("pipeline")).path("volumeMounts")) {
        if (mount.path("name").asText().equals("state")) {
          state.add(mount.path("mountPath").asText());
        }
      }
      assertThat(state).as("the volume claim template's mount").hasSize(1);
      return state.get(0);
    }
    String mountPath = null;
    for (String instance : pipeline.instances()) {
      JsonNode volumes = DeployFiles.compose().path("services").path(instance).path("volumes");
      assertThat(volumes).hasSize(1);
      String[] parts = volumes.get(0).asText().split(":");
      assertThat(parts[0]).as("a named volume per instance").isEqualTo(instance);
      mountPath = parts[1];
    }
    return mountPath;
  }

  private static JsonNode workload(String service) {
    return DeployFiles.workload(service);
  }

  private static int containerPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no port " + name + " in " + container.path("name"));
  }

  private static Path metricsResource(String service) {
    Path java =
        ServiceSettings.HOME
            .resolve("services")
            .resolve(service)
            .resolve("src/main/java/io/newsmon")
            .resolve(service);
    return service.equals("alerts")
        ? java.resolve("metrics/MetricsResource.java")
        : java.resolve("MetricsResource.java");
  }

  /** The Dockerfile's stage for a service, up to the next FROM. */
  private static String dockerfileStage(String service) {
    String dockerfile = ServiceSettings.readString(DeployFiles.DEPLOY.resolve("docker/Dockerfile"));
    int start = dockerfile.indexOf("FROM base AS " + service + "\n");
    assertThat(start).as("Dockerfile target " + service).isNotNegative();
    int end = dockerfile.indexOf("\nFROM ", start + 1);
    return dockerfile.substring(start, end < 0 ? dockerfile.length() : end);
  }

  private static int megabytes(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    int value = Integer.parseInt(m.group(1));
    return m.groupCount() > 1 && "Gi".equals(m.group(2)) ? value * 1024 : value;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
