package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.Env;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection newsmon's Kubernetes manifests configure (SASL_SSL, SCRAM-SHA-512, Strimzi's
 * PKCS12 CA truststore and its password), given as the same {@code NEWSMON_*} variables and read by
 * the same rule every newsmon process applies ({@link Env#toConfig}), against a real broker with a
 * TLS listener and a SCRAM user: records go through, and the broker is refused to a wrong password
 * and to a client that does not trust its certificate.
 */
class SaslScramOverTlsIT {

  private static final BrokerSettings.SaslUser USER =
      new BrokerSettings.SaslUser("newsmon-pipeline", "scram-pw-1");

  @TempDir static Path dir;
  private static LocalKafka kafka;

  @BeforeAll
  static void start() {
    kafka = LocalKafka.startWithSaslScramOverTls(dir, USER);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /**
   * The variables of deploy/kubernetes/*.yaml: the protocol, mechanism and truststore type from the
   * ConfigMap, the JAAS configuration from the KafkaUser's secret, the truststore's location and
   * password from the cluster CA's secret.
   */
  private static Map<String, String> kubernetesEnvironment(String jaasConfig) {
    KafkaConnection broker = kafka.connection();
    Map<String, String> env = new HashMap<>();
    env.put("NEWSMON_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("NEWSMON_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("NEWSMON_SASL_JAAS_CONFIG", jaasConfig);
    env.put("NEWSMON_SSL_TRUSTSTORE_LOCATION", broker.security().get("ssl.truststore.location"));
    env.put("NEWSMON_SSL_TRUSTSTORE_TYPE", "PKCS12");
    env.put("NEWSMON_SSL_TRUSTSTORE_PASSWORD", broker.security().get("ssl.truststore.password"));
    return env;
  }

  private static KafkaConnection fromEnvironment(Map<String, String> env) {
    return KafkaConnection.of(kafka.bootstrapServers(), Env.toConfig(env));
  }

  @Test
  void theKubernetesConnectionProducesAndConsumesOverTlsWithScram() throws Exception {
    Map<String, String> env = kubernetesEnvironment(USER.scramJaasConfig());
    // What other modules' tests configure services with is the manifests' set of variables.
    assertThat(kafka.newsmonSecurityVariables()).isEqualTo(env);
    KafkaConnection connection = fromEnvironment(env);
    assertThat(connection.security())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.type", "PKCS12");

    String topic = TopicCatalog.NEWS_RAW.name();
    String key = "tls-" + UUID.randomUUID();
    TopicPartition partition;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            connection.clientConfig(Map.of("acks", "all", "enable.idempotence", true)),
            new StringSerializer(),
            new StringSerializer())) {
      var written =
          producer.send(new ProducerRecord<>(topic, key, "over TLS")).get(30, TimeUnit.SECONDS);
      partition = new TopicPartition(topic, written.partition());
    }

    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            connection.readerConfig("tls-it"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<String, String>> read = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.stream().anyMatch(r -> r.key().equals(key));
              });
      assertThat(read)
          .filteredOn(r -> r.key().equals(key))
          .extracting(ConsumerRecord::value)
          .containsExactly("over TLS");
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    String wrong = new BrokerSettings.SaslUser(USER.username(), "guessed-pw").scramJaasConfig();
    KafkaConnection connection = fromEnvironment(kubernetesEnvironment(wrong));
    assertThatThrownBy(() -> describeCluster(connection))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("Authentication failed");
  }

  @Test
  void aClientThatDoesNotTrustTheBrokersCaIsRefused() {
    Map<String, String> env = kubernetesEnvironment(USER.scramJaasConfig());
    env.remove("NEWSMON_SSL_TRUSTSTORE_LOCATION");
    env.remove("NEWSMON_SSL_TRUSTSTORE_TYPE");
    env.remove("NEWSMON_SSL_TRUSTSTORE_PASSWORD");
    // The JDK's default truststore: public CAs, none of which signed the broker's certificate.
    KafkaConnection connection = fromEnvironment(env);
    assertThatThrownBy(() -> describeCluster(connection))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SslAuthenticationException.class);
  }

  /** The cluster's id, asked over {@code connection}; fails as the connection does. */
  private static String describeCluster(KafkaConnection connection) throws Exception {
    try (Admin admin =
        Admin.create(
            connection.clientConfig(
                Map.of("default.api.timeout.ms", 20_000, "request.timeout.ms", 10_000)))) {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }
}
