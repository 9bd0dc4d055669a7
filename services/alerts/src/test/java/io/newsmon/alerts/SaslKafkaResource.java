package io.newsmon.alerts;

import io.newsmon.common.ApiKeys;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.QuarkusKafkaSettings;
import io.newsmon.kafka.BrokerSettings;
import io.newsmon.kafka.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real KRaft broker whose only client port admits one SASL user, with the alert service given the
 * connection's security the way an operator would: as {@code NEWSMON_SECURITY_PROTOCOL}, {@code
 * NEWSMON_SASL_*} and {@code NEWSMON_SSL_*} variables, turned into Quarkus' global {@code kafka.*}
 * settings by the rule {@code NewsmonKafkaSecurityConfigSource} applies, nothing per client or
 * channel. The init argument {@value #KIND} picks the broker ({@link Kind}).
 */
public class SaslKafkaResource implements QuarkusTestResourceLifecycleManager {

  /** The init argument naming the {@link Kind} of broker. */
  public static final String KIND = "kind";

  /** The brokers the service is tested against. */
  public enum Kind {
    /** SASL_PLAINTEXT with PLAIN: the compose stack's shape. */
    PLAIN,
    /** SASL_SSL with SCRAM-SHA-512 and a PKCS12 truststore: the Kubernetes (Strimzi) shape. */
    SCRAM_OVER_TLS
  }

  static final BrokerSettings.SaslUser USER = new BrokerSettings.SaslUser("alerts", "alerts-pw");

  /** How the test itself reaches the broker: as the same user. */
  static volatile KafkaConnection connection;

  private Kind kind = Kind.PLAIN;
  private LocalKafka kafka;

  @Override
  public void init(Map<String, String> initArgs) {
    kind = Kind.valueOf(initArgs.getOrDefault(KIND, Kind.PLAIN.name()));
  }

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createTempDirectory("alerts-sasl-kafka");
      kafka =
          switch (kind) {
            case PLAIN -> LocalKafka.startWithSaslPlain(dir, USER);
            case SCRAM_OVER_TLS -> LocalKafka.startWithSaslScramOverTls(dir, USER);
          };
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    connection = kafka.connection();
    Map<String, String> config =
        new HashMap<>(
            QuarkusKafkaSettings.fromNewsmonEnvironment(kafka.newsmonSecurityVariables()));
    config.put("newsmon.alerts.bootstrap-servers", kafka.bootstrapServers());
    config.put("newsmon.alerts.api-keys", "acme:" + ApiKeys.hash(LocalKafkaResource.API_KEY));
    config.put("newsmon.alerts.admin-keys", "ops:" + ApiKeys.hash(LocalKafkaResource.ADMIN_KEY));
    config.put("newsmon.alerts.webhook-allowlist", "127.0.0.1");
    return config;
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }
}
