package io.newsmon.ingest;

import io.newsmon.common.ApiKeys;
import io.newsmon.kafka.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** A real KRaft broker for the ingest service's tests, and the keys of a tenant and an admin. */
public class LocalKafkaResource implements QuarkusTestResourceLifecycleManager {

  public static final String API_KEY = "test-key-acme";
  public static final String ADMIN_KEY = "test-key-admin";
  static volatile String bootstrapServers;

  private LocalKafka kafka;

  @Override
  public Map<String, String> start() {
    try {
      kafka = LocalKafka.start(Files.createTempDirectory("ingest-it-kafka"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    bootstrapServers = kafka.bootstrapServers();
    return Map.of(
        "newsmon.ingest.bootstrap-servers",
        kafka.bootstrapServers(),
        "newsmon.ingest.api-keys",
        "acme:" + ApiKeys.hash(API_KEY),
        "newsmon.ingest.admin-keys",
        "ops:" + ApiKeys.hash(ADMIN_KEY),
        "newsmon.ingest.max-article-size",
        "64K",
        "newsmon.ingest.feeds.host-delay",
        "0s");
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }
}
