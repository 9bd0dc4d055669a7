package io.newsmon.alerts;

import io.newsmon.common.ApiKeys;
import io.newsmon.kafka.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** A real KRaft broker for the alert service's integration tests, and a test tenant's key. */
public class LocalKafkaResource implements QuarkusTestResourceLifecycleManager {

  public static final String API_KEY = "test-key-acme";
  public static final String OTHER_TENANT_KEY = "test-key-globex";
  public static final String ADMIN_KEY = "test-key-admin";
  static volatile String bootstrapServers;

  private LocalKafka kafka;

  @Override
  public Map<String, String> start() {
    try {
      kafka = LocalKafka.start(Files.createTempDirectory("alerts-it-kafka"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    bootstrapServers = kafka.bootstrapServers();
    return Map.of(
        "newsmon.alerts.bootstrap-servers",
        kafka.bootstrapServers(),
        "newsmon.alerts.api-keys",
        "acme:" + ApiKeys.hash(API_KEY) + ",globex:" + ApiKeys.hash(OTHER_TENANT_KEY),
        "newsmon.alerts.webhook-allowlist",
        "127.0.0.1",
        "newsmon.alerts.admin-keys",
        "ops:" + ApiKeys.hash(ADMIN_KEY),
        "newsmon.alerts.delivery.retry-schedule",
        "0s,200ms,200ms",
        "newsmon.alerts.delivery.retry-jitter",
        "0");
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }
}
