package io.newsmon.cli;

import static io.newsmon.common.TopicCatalog.ALERTS_ATTEMPTS;
import static io.newsmon.common.TopicCatalog.ALERTS_DEAD_LETTER;
import static io.newsmon.common.TopicCatalog.ALERTS_DELIVERED;
import static io.newsmon.common.TopicCatalog.ALERTS_DELIVERIES;
import static io.newsmon.common.TopicCatalog.ALERTS_ENDPOINT_HEALTH;
import static io.newsmon.common.TopicCatalog.ALERTS_SENT;
import static io.newsmon.common.TopicCatalog.ALERTS_SUBSCRIPTIONS;
import static io.newsmon.common.TopicCatalog.INGEST_FEEDS;
import static io.newsmon.common.TopicCatalog.INGEST_SEEN_ENTRIES;
import static io.newsmon.common.TopicCatalog.NEWS_DEAD_LETTER;
import static io.newsmon.common.TopicCatalog.NEWS_FLAGGED;
import static io.newsmon.common.TopicCatalog.NEWS_RAW;
import static io.newsmon.common.TopicCatalog.NEWS_STORIES;
import static io.newsmon.common.TopicCatalog.NEWS_TOPIC_DEFINITIONS;
import static io.newsmon.common.TopicCatalog.NEWS_TOPIC_SPIKES;
import static io.newsmon.common.TopicCatalog.NEWS_TOPIC_VOLUME;
import static io.newsmon.common.TopicCatalog.OPS_EVENTS;

import io.newsmon.common.Env;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.pipeline.PipelineConfig;
import io.newsmon.pipeline.PipelineTopology;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;

/**
 * What one service does on Kafka, found in its code, and so the ACLs its Kafka user needs and no
 * more. The pipeline's topics come from its Kafka Streams topology and settings; the alert and
 * ingest services' classes are not on this module's class path, so their topics are a table here in
 * which every row names the source file that uses the topic, and {@code DeployKafkaSecurityTest}
 * checks that the table holds every catalog topic their sources name. Consumer groups come from the
 * services' settings and sources.
 *
 * @param service pipeline, alerts or ingest
 * @param modules the modules under {@code services/} whose code the service runs with Kafka
 * @param reads catalog topics it consumes
 * @param writes catalog topics it produces to
 * @param groups consumer groups it consumes in
 * @param describedGroups other services' groups it reads the offsets of
 */
record KafkaAccess(
    String service,
    List<String> modules,
    Set<String> reads,
    Set<String> writes,
    Set<String> groups,
    Set<String> describedGroups) {

  /** One ACL entry, one operation: {@code topic:literal:news.raw:Read}. */
  record Acl(String type, String patternType, String name, String operation)
      implements Comparable<Acl> {
    @Override
    public int compareTo(Acl other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return type + ":" + patternType + ":" + name + ":" + operation;
    }
  }

  /** A topic a service's code uses, and the file that does. */
  record Use(TopicSpec topic, boolean read, boolean write, String file) {}

  /**
   * What Kafka Streams does with its internal topics (changelogs, repartition topics): creates
   * them, checks their configuration, reads and writes them, purges consumed repartition records
   * (DeleteRecords) and deletes topics it half-created.
   */
  static final List<String> STREAMS_INTERNAL_TOPIC_OPERATIONS =
      List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write");

  /** The pipeline's clients beside Kafka Streams. */
  static final List<Use> PIPELINE_CLIENTS =
      List.of(
          reads(NEWS_TOPIC_DEFINITIONS, "TopicCatalogFollower.java"),
          writes(NEWS_TOPIC_DEFINITIONS, "TopicCatalogSeeder.java"));

  static final List<Use> ALERTS =
      List.of(
          reads(NEWS_FLAGGED, "TopicCatalogConfigSource.java"), // the news-flagged channel
          reads(NEWS_FLAGGED, "FlaggedFollower.java"), // the live stream
          reads(NEWS_TOPIC_SPIKES, "TopicCatalogConfigSource.java"), // news-topic-spikes channel
          reads(NEWS_TOPIC_SPIKES, "OpsMonitor.java"),
          reads(NEWS_TOPIC_VOLUME, "OpsMonitor.java"),
          reads(NEWS_STORIES, "KafkaStorySizes.java"),
          readsAndWrites(NEWS_TOPIC_DEFINITIONS, "TopicCatalogStore.java"),
          writes(NEWS_DEAD_LETTER, "InputDeadLetters.java"),
          reads(NEWS_DEAD_LETTER, "OpsMonitor.java"),
          readsAndWrites(ALERTS_SUBSCRIPTIONS, "SubscriptionStore.java"),
          readsAndWrites(ALERTS_SENT, "KafkaDeliveryLedger.java"),
          readsAndWrites(ALERTS_DELIVERIES, "KafkaDeliveryQueue.java"),
          writes(ALERTS_ATTEMPTS, "KafkaDeliveryQueue.java"),
          reads(ALERTS_ATTEMPTS, "DeliveryHistory.java"),
          writes(ALERTS_DEAD_LETTER, "KafkaDeliveryQueue.java"),
          reads(ALERTS_DEAD_LETTER, "SubscriptionResource.java"), // replays
          writes(ALERTS_DELIVERED, "KafkaDeliveryQueue.java"),
          reads(ALERTS_DELIVERED, "SubscriptionResource.java"), // replays
          readsAndWrites(ALERTS_ENDPOINT_HEALTH, "KafkaEndpointHealth.java"),
          writes(OPS_EVENTS, "KafkaDeliveryQueue.java"));

  static final List<Use> INGEST =
      List.of(
          writes(NEWS_RAW, "KafkaRawArticles.java"),
          readsAndWrites(INGEST_SEEN_ENTRIES, "KafkaSeenEntries.java"),
          readsAndWrites(INGEST_FEEDS, "KafkaFeedStore.java"));

  private static final Pattern GROUP_ID_IN_SOURCE =
      Pattern.compile("GROUP_ID_CONFIG,\\s*\"([^\"]+)\"");
  private static final Pattern DESCRIBED_GROUPS =
      Pattern.compile("GROUPS\\s*=\\s*List\\.of\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  static KafkaAccess of(String service) {
    return switch (service) {
      case "pipeline" -> pipeline();
      case "alerts" -> fromTable("alerts", List.of("alerts"), ALERTS);
      // The ingest service publishes and remembers feed entries through the feeds module.
      case "ingest" -> fromTable("ingest", List.of("ingest", "feeds"), INGEST);
      default -> throw new IllegalArgumentException(service);
    };
  }

  /** The uses of a service's table (none for the pipeline's Kafka Streams part). */
  static List<Use> table(String service) {
    return switch (service) {
      case "pipeline" -> PIPELINE_CLIENTS;
      case "alerts" -> ALERTS;
      case "ingest" -> INGEST;
      default -> throw new IllegalArgumentException(service);
    };
  }

  /** The pipeline as deployed on Kubernetes: its application id and processing guarantee. */
  static PipelineConfig deployedPipeline() {
    return new PipelineConfig(Env.toConfig(DeployFiles.kubernetesService("pipeline").env()));
  }

  static String pipelineApplicationId() {
    return deployedPipeline().getString(PipelineConfig.APPLICATION_ID);
  }

  /** What every catalog topic's stream ({@code news.topic.<id>}) starts with. */
  static String topicStreamPrefix() {
    String id = "any-topic-id";
    String name = TopicCatalog.topicStream(id).name();
    return name.substring(0, name.length() - id.length());
  }

  /**
   * The ACLs this access needs: Describe on every catalog topic (each service's readiness lists
   * them, and a topic it may not describe looks missing), Read and Write as the code does, Read on
   * its groups; for the pipeline also creating the catalog, the topics' streams, Kafka Streams'
   * internal topics and its transactions.
   */
  Set<Acl> acls() {
    Set<Acl> acls = new TreeSet<>();
    for (TopicSpec topic : TopicCatalog.ALL) {
      acls.add(topic(topic.name(), "Describe"));
    }
    reads.forEach(t -> acls.add(topic(t, "Read")));
    writes.forEach(t -> acls.add(topic(t, "Write")));
    groups.forEach(g -> acls.add(new Acl("group", "literal", g, "Read")));
    String applicationId = pipelineApplicationId();
    for (String group : describedGroups) {
      acls.add(new Acl("group", "literal", group, "Describe"));
      if (group.equals(applicationId)) {
        // A Kafka Streams group's offsets include its repartition topics.
        acls.add(new Acl("topic", "prefix", applicationId + "-", "Describe"));
      }
    }
    if (service.equals("pipeline")) {
      PipelineConfig config = deployedPipeline();
      TopicCatalog.ALL.forEach(t -> acls.add(topic(t.name(), "Create")));
      for (String op : List.of("Create", "Describe", "Write")) {
        acls.add(new Acl("topic", "prefix", topicStreamPrefix(), op));
      }
      STREAMS_INTERNAL_TOPIC_OPERATIONS.forEach(
          op -> acls.add(new Acl("topic", "prefix", applicationId + "-", op)));
      if (config
          .getString(PipelineConfig.PROCESSING_GUARANTEE)
          .equals(StreamsConfig.EXACTLY_ONCE_V2)) {
        // Each stream thread's producer is transactional: <application.id>-<process>-<thread>.
        for (String op : List.of("Describe", "Write")) {
          acls.add(new Acl("transactionalId", "prefix", applicationId + "-", op));
        }
      }
    }
    return acls;
  }

  private static Acl topic(String name, String operation) {
    return new Acl("topic", "literal", name, operation);
  }

  /**
   * The pipeline: the catalog topics its topology reads and writes, the dead-letter topic Kafka
   * Streams is given, its other clients' table; its consumer group is its application id.
   */
  private static KafkaAccess pipeline() {
    Set<String> reads = new TreeSet<>();
    Set<String> writes = new TreeSet<>();
    for (String topic : topologyTopics(true)) {
      reads.add(topic);
    }
    for (String topic : topologyTopics(false)) {
      writes.add(topic);
    }
    writes.add(
        deployedPipeline()
            .streamsProperties()
            .getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
    for (Use use : PIPELINE_CLIENTS) {
      (use.read() ? reads : writes).add(use.topic().name());
    }
    return new KafkaAccess(
        "pipeline", List.of("pipeline"), reads, writes, Set.of(pipelineApplicationId()), Set.of());
  }

  /**
   * The catalog topics the pipeline's topology consumes ({@code sources}) or produces to. Its other
   * topics are Kafka Streams' repartition topics; a sink that picks its topic per record writes the
   * catalog topics' streams.
   */
  static Set<String> topologyTopics(boolean sources) {
    Set<String> catalog = catalogNames();
    Set<String> out = new TreeSet<>();
    TopologyDescription description;
    try (TopicMonitor monitor = new TopicMonitor(emptyGazetteer())) {
      description = PipelineTopology.build(new PipelineTopology.Settings(0.7, monitor)).describe();
    }
    if (!description.globalStores().isEmpty()) {
      throw new AssertionError("global stores' topics are not handled here: teach topologyTopics");
    }
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        List<String> topics = new ArrayList<>();
        if (sources && node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        } else if (!sources && node instanceof TopologyDescription.Sink sink) {
          if (sink.topic() == null) {
            continue; // the per-record topic: a catalog topic's stream (topicStreamPrefix)
          }
          topics.add(sink.topic());
        }
        for (String topic : topics) {
          if (catalog.contains(topic)) {
            out.add(topic);
          } else if (!topic.endsWith("-repartition")) {
            throw new AssertionError("neither a catalog nor a repartition topic: " + topic);
          }
        }
      }
    }
    return out;
  }

  private static Gazetteer emptyGazetteer() {
    try {
      return Gazetteer.read(new ByteArrayInputStream(new byte[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KafkaAccess fromTable(String service, List<String> modules, List<Use> table) {
    Set<String> reads = new TreeSet<>();
    Set<String> writes = new TreeSet<>();
    for (Use use : table) {
      if (use.read()) {
        reads.add(use.topic().name());
      }
      if (use.write()) {
        writes.add(use.topic().name());
      }
    }
    // Consumer groups: the SmallRye channels' (application.properties) and the service's own
    // consumers' (GROUP_ID_CONFIG in its sources).
    Set<String> groups = new TreeSet<>();
    ServiceSettings.byName(service)
        .applicationProperties()
        .forEach(
            (key, value) -> {
              if (key.startsWith("mp.messaging.") && key.endsWith(".group.id")) {
                groups.add(value);
              }
            });
    Set<String> described = new TreeSet<>();
    for (String source : sources(modules).values()) {
      Matcher m = GROUP_ID_IN_SOURCE.matcher(source);
      while (m.find()) {
        groups.add(m.group(1));
      }
      // The ops page's lag of the groups it lists (OpsMonitor.GROUPS).
      Matcher list = DESCRIBED_GROUPS.matcher(source);
      while (list.find()) {
        Matcher name = QUOTED.matcher(list.group(1));
        while (name.find()) {
          described.add(name.group(1));
        }
      }
    }
    described.removeAll(groups); // reading a group includes describing it
    return new KafkaAccess(service, modules, reads, writes, groups, described);
  }

  /** The Java sources of {@code modules}' main code, by path. */
  static Map<Path, String> sources(List<String> modules) {
    Map<Path, String> out = new LinkedHashMap<>();
    for (String module : modules) {
      Path java = ServiceSettings.HOME.resolve("services").resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(java)) {
        files
            .filter(p -> p.toString().endsWith(".java"))
            .forEach(p -> out.put(p, ServiceSettings.readString(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static Set<String> catalogNames() {
    Set<String> names = new TreeSet<>();
    TopicCatalog.ALL.forEach(t -> names.add(t.name()));
    return names;
  }

  private static Use reads(TopicSpec topic, String file) {
    return new Use(topic, true, false, file);
  }

  private static Use writes(TopicSpec topic, String file) {
    return new Use(topic, false, true, file);
  }

  private static Use readsAndWrites(TopicSpec topic, String file) {
    return new Use(topic, true, true, file);
  }
}
