package io.newsmon.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/**
 * Checks that a Kafka client a service makes itself is given the service's {@link KafkaConnection},
 * without a broker: by the settings it is built with, or by building it with a truststore that does
 * not exist, which fails as the client is built, and only if the client got the connection's TLS
 * settings.
 */
public final class SecuredKafka {

  /** A SASL over TLS connection, as a production cluster would want it. */
  public static final KafkaConnection SASL_SSL =
      new KafkaConnection(
          "k1:9093,k2:9093",
          Map.of(
              "security.protocol", "SASL_SSL",
              "sasl.mechanism", "PLAIN",
              "sasl.jaas.config",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required"
                      + " username=\"newsmon\" password=\"secret\";",
              "ssl.truststore.location", "/etc/newsmon/truststore.p12"));

  private SecuredKafka() {}

  /** {@code config}, a client's settings, are {@link #SASL_SSL}'s beside the client's own. */
  public static void assertSecured(Map<String, Object> config) {
    assertThat(config)
        .containsAllEntriesOf(SASL_SSL.security())
        .containsEntry("bootstrap.servers", SASL_SSL.bootstrapServers());
  }

  /**
   * {@code build} fails for want of a truststore it would only look for if it gave its Kafka client
   * the connection; {@code dir} holds no such file.
   */
  public static void assertBuiltWithConnection(Path dir, Function<KafkaConnection, ?> build) {
    String missing = dir.resolve("missing-truststore.p12").toString();
    KafkaConnection tls =
        new KafkaConnection(
            "127.0.0.1:9", Map.of("security.protocol", "SSL", "ssl.truststore.location", missing));
    assertThatThrownBy(() -> build.apply(tls))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
  }
}
