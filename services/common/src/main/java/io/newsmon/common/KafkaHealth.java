package io.newsmon.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Whether Kafka answers and the catalog topics a service needs exist, checked in the background
 * every few seconds so a health request never waits on Kafka. Every service's readiness includes
 * it.
 */
public final class KafkaHealth implements AutoCloseable {

  /**
   * One check's result.
   *
   * @param reachable whether the cluster answered within the timeout
   * @param missingTopics catalog topics the service needs that do not exist
   * @param error why the cluster could not be asked, or null
   * @param checkedAt when; null before the first check ended
   */
  public record Status(
      boolean reachable, List<String> missingTopics, String error, Instant checkedAt) {
    public Status {
      missingTopics = List.copyOf(missingTopics);
    }

    public boolean healthy() {
      return reachable && missingTopics.isEmpty();
    }
  }

  static final Duration EVERY = Duration.ofSeconds(10);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final List<TopicSpec> needed;
  private final Clock clock;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kafka-health").unstarted(r));
  private volatile Status status = new Status(false, List.of(), "not checked yet", null);

  /** Starts checking {@code bootstrapServers} for {@code needed} topics. */
  public KafkaHealth(String bootstrapServers, List<TopicSpec> needed, Clock clock) {
    this(KafkaConnection.of(bootstrapServers), needed, clock);
  }

  /** Starts checking the cluster {@code kafka} connects to for {@code needed} topics. */
  public KafkaHealth(KafkaConnection kafka, List<TopicSpec> needed, Clock clock) {
    this.admin =
        Admin.create(
            kafka.clientConfig(
                Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "newsmon-health",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis())));
    this.needed = List.copyOf(needed);
    this.clock = Objects.requireNonNull(clock, "clock");
    checker.scheduleWithFixedDelay(this::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Status status() {
    return status;
  }

  private void check() {
    try {
      admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Set<String> existing =
          admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<String> missing =
          needed.stream().map(TopicSpec::name).filter(n -> !existing.contains(n)).toList();
      status = new Status(true, missing, null, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      status = new Status(false, List.of(), cause.toString(), clock.instant());
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
