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
  void aTlsNodeAdmitsItsUserAloneOverScram() {
    TlsStores stores = new TlsStores(Path.of("/d/tls"), "store-pw");
    BrokerSettings tls = BrokerSettings.singleNode(9092, 9093).withSaslScramOverTls(USER, stores);
    String scramLogin =
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"newsmon\" password=\"s3cret\";";
    assertThat(tls.serverProperties(Path.of("d")))
        .containsEntry("listeners", "SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("inter.broker.listener.name", "SASL_SSL")
        .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
        .containsEntry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramLogin)
        .containsEntry("listener.name.sasl_ssl.ssl.keystore.location", "/d/tls/broker.p12")
        .containsEntry("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12")
        .containsEntry("listener.name.sasl_ssl.ssl.truststore.location", "/d/tls/truststore.p12")
        .doesNotContainKey("listener.name.sasl_plaintext.plain.sasl.jaas.config");
    assertThat(tls.connection().security())
        .containsOnly(
            java.util.Map.entry("security.protocol", "SASL_SSL"),
            java.util.Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            java.util.Map.entry("sasl.jaas.config", scramLogin),
            java.util.Map.entry("ssl.truststore.location", "/d/tls/truststore.p12"),
            java.util.Map.entry("ssl.truststore.type", "PKCS12"),
            java.util.Map.entry("ssl.truststore.password", "store-pw"));
    assertThat(USER.scramCredential()).isEqualTo("SCRAM-SHA-512=[name=newsmon,password=s3cret]");
    assertThat(tls.toString()).doesNotContain("s3cret").doesNotContain("store-pw");
  }

  @Test
  void aTlsPortWithoutAUserIsRefused() {
    BrokerSettings plain = BrokerSettings.singleNode(9092, 9093);
    assertThatThrownBy(
            () ->
                new BrokerSettings(
                    1,
                    9092,
                    9093,
                    plain.quorumVoters(),
                    null,
                    1,
                    1,
                    null,
                    new TlsStores(Path.of("t"), "store-pw")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void credentialsThatWouldBreakTheJaasConfigurationAreRefused() {
    assertThatThrownBy(() -> new BrokerSettings.SaslUser("a\"b", "p"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BrokerSettings.SaslUser("a", "p\";"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
