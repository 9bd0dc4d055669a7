package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  private static final BrokerSettings.SaslUser USER =
      new BrokerSettings.SaslUser("newsmon", "s3cret");

  @Test
  void aPlainNodeListensForClientsOnPlaintext() {
    BrokerSettings plain = BrokerSettings.singleNode(9092, 9093);
    assertThat(plain.serverProperties(Path.of("d")))
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .doesNotContainKey("sasl.enabled.mechanisms");
    assertThat(plain.connection().security()).isEmpty();
  }

  @Test
  void aSaslNodeAdmitsItsUserAloneOverPlain() {
    BrokerSettings sasl = BrokerSettings.singleNode(9092, 9093).withSaslPlain(USER);
    assertThat(sasl.serverProperties(Path.of("d")))
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:9092")
        .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
        .containsEntry(
            "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "PLAIN")
        .containsEntry(
            "listener.name.sasl_plaintext.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"newsmon\" password=\"s3cret\" user_newsmon=\"s3cret\";");
    assertThat(sasl.connection().security())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"newsmon\" password=\"s3cret\";");
    assertThat(sasl.toString()).contains("newsmon").doesNotContain("s3cret");
  }

  @Test
  void credentialsThatWouldBreakTheJaasConfigurationAreRefused() {
    assertThatThrownBy(() -> new BrokerSettings.SaslUser("a\"b", "p"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BrokerSettings.SaslUser("a", "p\";"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
