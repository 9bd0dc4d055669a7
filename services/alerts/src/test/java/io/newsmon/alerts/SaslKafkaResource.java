package io.newsmon.alerts;

import io.newsmon.common.ApiKeys;
import io.newsmon.common.KafkaConnection;
import io.newsmon.kafka.BrokerSettings;
import io.newsmon.kafka.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * A real KRaft broker whose only client port is SASL_PLAINTEXT and admits one user, with the alert
 * service given that user's credentials the way an operator would: as Quarkus' global {@code
 * kafka.*} settings (which {@code NEWSMON_SASL_*} variables become), nothing per client or channel.
 */
public class SaslKafkaResource implements QuarkusTestResourceLifecycleManager {

  static final BrokerSettings.SaslUser USER = new BrokerSettings.SaslUser("alerts", "alerts-pw");

  /** How the test itself reaches the broker: as the same user. */
  static volatile KafkaConnection connection;

  private LocalKafka kafka;

  @Override
  public Map<String, String> start() {
    try {
      kafka = LocalKafka.startWithSaslPlain(Files.createTempDirectory("alerts-sasl-kafka"), USER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    connection = kafka.connection();
    Map<String, String> config = new HashMap<>();
    config.put("newsmon.alerts.bootstrap-servers", kafka.bootstrapServers());
    USER.clientSecurity().forEach((setting, value) -> config.put("kafka." + setting, value));
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
