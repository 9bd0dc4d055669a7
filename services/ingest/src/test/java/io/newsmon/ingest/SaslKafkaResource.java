package io.newsmon.ingest;

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
 * A real KRaft broker whose only client port is SASL_PLAINTEXT and admits one user, with the ingest
 * service given that user's credentials as Quarkus' global {@code kafka.*} settings (which {@code
 * NEWSMON_SASL_*} variables become).
 */
public class SaslKafkaResource implements QuarkusTestResourceLifecycleManager {

  static final BrokerSettings.SaslUser USER = new BrokerSettings.SaslUser("ingest", "ingest-pw");

  /** How the test itself reaches the broker: as the same user. */
  static volatile KafkaConnection connection;

  private LocalKafka kafka;

  @Override
  public Map<String, String> start() {
    try {
      kafka = LocalKafka.startWithSaslPlain(Files.createTempDirectory("ingest-sasl-kafka"), USER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    connection = kafka.connection();
    Map<String, String> config = new HashMap<>();
    config.put("newsmon.ingest.bootstrap-servers", kafka.bootstrapServers());
    USER.clientSecurity().forEach((setting, value) -> config.put("kafka." + setting, value));
    config.put("newsmon.ingest.api-keys", "acme:" + ApiKeys.hash(LocalKafkaResource.API_KEY));
    config.put("newsmon.ingest.admin-keys", "ops:" + ApiKeys.hash(LocalKafkaResource.ADMIN_KEY));
    config.put("newsmon.ingest.feeds.host-delay", "0s");
    return config;
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }
}
