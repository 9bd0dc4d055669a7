package io.newsmon.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The alert service's settings ({@code newsmon.alerts.*}, or {@code NEWSMON_ALERTS_*} variables).
 */
@ConfigMapping(prefix = "newsmon.alerts")
public interface AlertsConfig {

  /** Kafka brokers, host:port comma-separated. */
  @WithDefault("localhost:9092")
  String bootstrapServers();

  /**
   * Tenant API keys as {@code tenant:sha256hex} entries: only hashes are configured, so a leaked
   * configuration does not leak keys.
   */
  Optional<List<String>> apiKeys();

  /**
   * Admin keys as {@code name:sha256hex} entries: they manage the topic catalog ({@code
   * /api/admin/...}); tenant keys cannot.
   */
  Optional<List<String>> adminKeys();

  /**
   * Hosts, addresses or networks ({@code 10.0.0.0/8}) that webhook URLs may reach although they are
   * internal; everything loopback, private, link-local or metadata is refused otherwise.
   */
  Optional<List<String>> webhookAllowlist();

  Delivery delivery();

  Ops ops();

  /** The ops page. */
  interface Ops {
    /**
     * The pipeline instances' {@code /metrics} URLs, whose stage counters the ops page shows as
     * throughput per stage (summed over instances); none: the page shows no throughput.
     */
    Optional<List<java.net.URI>> pipelineMetricsUrls();
  }

  /** How webhooks are delivered. */
  interface Delivery {
    /** Per-attempt timeout of a webhook POST. */
    @WithDefault("15s")
    Duration timeout();

    /** Most deliveries per second to one endpoint (scheme, host, port), with bursts as large. */
    @WithDefault("20")
    double ratePerEndpoint();

    /** How long a rotated-out signing secret keeps signing beside the new one. */
    @WithDefault("24h")
    Duration secretOverlap();

    /**
     * Delay before each attempt of a delivery, the first counted from the alert (the Standard
     * Webhooks schedule by default: ten attempts over about three days).
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,14h,20h,24h")
    List<Duration> retrySchedule();

    /** Share of each retry delay added or removed at random, in [0, 0.5]. */
    @WithDefault("0.2")
    double retryJitter();

    /**
     * How long an endpoint may fail without a single success before its subscription is disabled
     * (and its owner told on {@code ops.events}).
     */
    @WithDefault("5d")
    Duration disableAfter();

    /** Most delivery attempts under way at once on one instance. */
    @WithDefault("256")
    int maxInFlight();
  }
}
