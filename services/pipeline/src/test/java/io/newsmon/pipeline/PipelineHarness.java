package io.newsmon.pipeline;

import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.BrokerSettings;
import io.newsmon.kafka.LocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A real KRaft broker with the pipeline's topics, and the pipeline and its clients wired to it the
 * way the end-to-end tests of this module need them. It exists so that {@code PipelineIT}, {@code
 * PoisonInputIT} and {@code DedupScaleOutIT} share one copy of the broker start, the streams
 * configuration (exactly-once as {@link PipelineConfig} builds it, committing every 100 ms so
 * results show quickly), the idempotent producer and the {@code read_committed} readers, and keep
 * only what they test; open one per test class (or per test) and close it after.
 */
final class PipelineHarness implements AutoCloseable {

  private final Path tmp;
  private final LocalKafka kafka;

  private PipelineHarness(Path tmp, LocalKafka kafka) {
    this.tmp = tmp;
    this.kafka = kafka;
  }

  /** How the broker admits clients. */
  enum Broker {
    /** Anyone, in clear: the local and demo shape. */
    PLAINTEXT,
    /** One SCRAM-SHA-512 user over TLS (SASL_SSL): the Kubernetes (Strimzi) shape. */
    SASL_SCRAM_OVER_TLS
  }

  /** Starts a PLAINTEXT broker in a new temporary directory with the starter topics' streams. */
  static PipelineHarness start(String name) throws Exception {
    return start(name, Broker.PLAINTEXT);
  }

  /** Starts a {@code broker} in a new temporary directory with the starter topics' streams. */
  static PipelineHarness start(String name, Broker broker) throws Exception {
    Path tmp = Files.createTempDirectory(name);
    LocalKafka kafka =
        switch (broker) {
          case PLAINTEXT -> LocalKafka.start(tmp.resolve("kafka"));
          case SASL_SCRAM_OVER_TLS ->
              LocalKafka.startWithSaslScramOverTls(
                  tmp.resolve("kafka"),
                  new BrokerSettings.SaslUser("newsmon-pipeline", "pipeline-pw"));
        };
    kafka.ensureTopics(StarterTopics.streams());
    return new PipelineHarness(tmp, kafka);
  }

  LocalKafka kafka() {
    return kafka;
  }

  /**
   * The pipeline's streams properties for this broker, with state under {@code stateDir}. The
   * connection's security comes as the {@code NEWSMON_*} variables a deployment sets, through
   * {@link PipelineConfig#from} as the pipeline's main reads them.
   */
  Properties streamsProperties(String applicationId, String stateDir) {
    Properties file = new Properties();
    file.put(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    file.put(PipelineConfig.STATE_DIR, tmp.resolve(stateDir).toString());
    file.put(PipelineConfig.APPLICATION_ID, applicationId);
    Properties props =
        PipelineConfig.from(kafka.newsmonSecurityVariables(), file).streamsProperties();
    props.put("commit.interval.ms", "100");
    return props;
  }

  /**
   * The pipeline, not yet started; a dying stream thread is reported to {@code failures} and shuts
   * the client down, so a test sees it instead of a silently replaced thread.
   */
  static KafkaStreams pipeline(
      Properties props, PipelineTopology.Settings settings, Consumer<Throwable> failures) {
    KafkaStreams streams = new KafkaStreams(PipelineTopology.build(settings), props);
    streams.setUncaughtExceptionHandler(
        e -> {
          failures.accept(e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    return streams;
  }

  /** An idempotent producer that may send records as large as the topics accept. */
  <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(
        kafka
            .connection()
            .clientConfig(
                Map.<String, Object>of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    TopicCatalog.MAX_REQUEST_BYTES)),
        keys,
        values);
  }

  /** A reader of {@code topic} from the beginning, in its own group, subscribed. */
  <K, V> KafkaConsumer<K, V> reader(
      String group, String topic, Deserializer<K> keys, Deserializer<V> values) {
    var consumer =
        new KafkaConsumer<>(
            kafka
                .connection()
                .clientConfig(
                    Map.<String, Object>of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        // Only what the pipeline committed: exactly-once output is transactional.
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed")),
            keys,
            values);
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  @Override
  public void close() {
    kafka.close();
  }
}
