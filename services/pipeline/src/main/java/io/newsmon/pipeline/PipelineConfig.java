package io.newsmon.pipeline;

import io.newsmon.common.Env;
import io.newsmon.common.KafkaConnection;
import io.newsmon.pipeline.volume.SpikeRule;
import io.newsmon.topics.TopicCatalogFile;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline's settings, self-describing through Kafka's {@link ConfigDef}: each has a name,
 * type, default, validator and description ({@code PipelineMain --describe-config} prints them).
 * Values come from {@code NEWSMON_*} environment variables ({@link Env}) and an optional properties
 * file; Kafka Streams settings not listed here pass through unchanged.
 */
public final class PipelineConfig extends AbstractConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String STATE_DIR = "state.dir";
  public static final String STREAM_THREADS = "num.stream.threads";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String REPLICATION_FACTOR = "replication.factor";
  public static final String DEDUP_THRESHOLD = "dedup.near.threshold";
  public static final String DEDUP_RETENTION = "dedup.retention.ms";
  public static final String TOPIC_CATALOG = "flag.catalog";
  public static final String HEALTH_PORT = "health.port";
  public static final String HEALTH_HOST = "health.host";
  public static final String SPIKE_RATIO = "spike.ratio";
  public static final String SPIKE_MIN_ARTICLES = "spike.min.articles";
  public static final String SPIKE_BASELINE_DAYS = "spike.baseline.days";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.LIST,
              "localhost:9092",
              Importance.HIGH,
              "Kafka brokers to connect to (host:port, comma-separated).")
          .define(
              APPLICATION_ID,
              Type.STRING,
              "newsmon-pipeline",
              Importance.HIGH,
              "Kafka Streams application id: consumer group and prefix of internal topics. "
                  + "Instances with the same id share the work.")
          .define(
              STATE_DIR,
              Type.STRING,
              System.getProperty("java.io.tmpdir") + "/newsmon-pipeline-state",
              Importance.MEDIUM,
              "Directory for local state stores (rebuilt from changelogs if lost).")
          .define(
              STREAM_THREADS,
              Type.INT,
              1,
              Range.between(1, 64),
              Importance.MEDIUM,
              "Stream threads in this instance.")
          .define(
              PROCESSING_GUARANTEE,
              Type.STRING,
              StreamsConfig.EXACTLY_ONCE_V2,
              ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
              Importance.MEDIUM,
              "exactly_once_v2 (default: no article is cleaned, counted or flagged twice) or at_least_once.")
          .define(
              REPLICATION_FACTOR,
              Type.SHORT,
              (short) 1,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Replication factor of the internal changelog topics; 3 on a production cluster.")
          .define(
              DEDUP_THRESHOLD,
              Type.DOUBLE,
              0.7,
              Range.between(0.5, 1.0),
              Importance.MEDIUM,
              "Minimum estimated Jaccard similarity of word 3-shingles for two articles to be one"
                  + " story (a SimHash check must confirm it; see docs/dedup.md).")
          .define(
              DEDUP_RETENTION,
              Type.LONG,
              java.time.Duration.ofDays(7).toMillis(),
              Range.atLeast(60_000L),
              Importance.MEDIUM,
              "How long an article can be matched by later copies (milliseconds of record time).")
          .define(
              TOPIC_CATALOG,
              Type.STRING,
              "classpath:" + TopicCatalogFile.STARTER,
              Importance.MEDIUM,
              "Topic catalog (YAML/JSON file path, or classpath:NAME) that fills"
                  + " news.topic-definitions when it is empty; afterwards that topic is the"
                  + " catalog and changes to it apply without a restart.")
          .define(
              HEALTH_PORT,
              Type.INT,
              -1,
              Range.atLeast(-1),
              Importance.LOW,
              "Port of the health and metrics endpoints (GET /health, /health/ready,"
                  + " /health/live, /metrics); 0 picks a free port, -1 disables them.")
          .define(
              HEALTH_HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyStringWithoutControlChars(),
              Importance.LOW,
              "Address the health and metrics endpoints listen on: 127.0.0.1 answers only this"
                  + " machine; 0.0.0.0 (all interfaces) lets Prometheus, the alert service's ops"
                  + " page and a kubelet in other containers or pods reach them.")
          .define(
              SPIKE_RATIO,
              Type.DOUBLE,
              SpikeRule.DEFAULT.ratio(),
              Range.between(1.5, 1000),
              Importance.MEDIUM,
              "A topic spikes when its last hour has at least this many times its usual hourly"
                  + " volume (the sensitivity: lower finds more spikes).")
          .define(
              SPIKE_MIN_ARTICLES,
              Type.INT,
              SpikeRule.DEFAULT.minArticles(),
              Range.atLeast(1),
              Importance.MEDIUM,
              "Fewest flagged articles in the hour for a spike, so a handful against a usual"
                  + " trickle is not one.")
          .define(
              SPIKE_BASELINE_DAYS,
              Type.INT,
              SpikeRule.DEFAULT.baselineDays(),
              Range.between(1, 28),
              Importance.LOW,
              "Days of history a topic's usual hourly volume is the mean of.");

  public PipelineConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  /** Environment first, then the file's properties override it. */
  public static PipelineConfig from(Map<String, String> env, Properties file) {
    Map<String, Object> values = new HashMap<>(Env.toConfig(env));
    file.forEach((k, v) -> values.put(k.toString(), v));
    return new PipelineConfig(values);
  }

  /**
   * Where the health and metrics endpoints listen ({@link #HEALTH_HOST}, {@link #HEALTH_PORT}), or
   * empty when they are disabled.
   */
  public Optional<InetSocketAddress> healthAddress() {
    int port = getInt(HEALTH_PORT);
    return port < 0
        ? Optional.empty()
        : Optional.of(new InetSocketAddress(getString(HEALTH_HOST), port));
  }

  /**
   * How the pipeline's own clients (topic creation, catalog follower and seeder, health check)
   * reach Kafka: the brokers and the same security settings Kafka Streams is passed.
   */
  public KafkaConnection kafkaConnection() {
    return KafkaConnection.of(String.join(",", getList(BOOTSTRAP_SERVERS)), originalsStrings());
  }

  /** When a topic's volume is a spike. */
  public SpikeRule spikeRule() {
    return new SpikeRule(
        getDouble(SPIKE_RATIO), getInt(SPIKE_MIN_ARTICLES), getInt(SPIKE_BASELINE_DAYS));
  }

  /** Settings for {@link org.apache.kafka.streams.KafkaStreams}. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    // Pass through Kafka settings we do not define ourselves (for example security.protocol).
    originalsStrings()
        .forEach(
            (k, v) -> {
              if (!DEFINITION.names().contains(k)) {
                p.put(k, v);
              }
            });
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", getList(BOOTSTRAP_SERVERS)));
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, getString(APPLICATION_ID));
    p.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(STREAM_THREADS));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) getShort(REPLICATION_FACTOR));
    // Dead-lettering a raw article re-sends its full payload, up to news.raw's limit.
    p.put(
        StreamsConfig.producerPrefix(
            org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        io.newsmon.common.TopicCatalog.MAX_REQUEST_BYTES);
    // Cleaned and flagged articles are several KB each: 16 KB batches (the default) put a handful
    // in each request and the broker's per-request cost shows in throughput (docs/benchmarks.md).
    p.putIfAbsent(
        StreamsConfig.producerPrefix(
            org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG),
        256 * 1024);
    // Bloom filters on every level for the dedup stores; an operator's own setter replaces ours.
    p.putIfAbsent(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbStoreOptions.class.getName());
    DeadLetterHandlers.configure(p);
    return p;
  }
}
