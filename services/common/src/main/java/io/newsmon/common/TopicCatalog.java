package io.newsmon.common;

import java.time.Duration;
import java.util.List;

/**
 * Every Kafka topic newsmon reads or writes. Only this class spells topic names.
 *
 * <p>Kafka Streams' own internal topics (changelogs, repartition topics) are named by the
 * pipeline's named stores and operators and created by Kafka Streams itself.
 */
public final class TopicCatalog {

  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(30);

  /**
   * Largest raw article Kafka accepts: above the clean stage's 5 MiB limit, so an oversized page
   * reaches the stage and is dead-lettered with a reason instead of failing at the producer.
   */
  public static final int RAW_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  /** What a producer must be allowed to send to write any record of the catalog. */
  public static final int MAX_REQUEST_BYTES = RAW_MAX_MESSAGE_BYTES + 2 * 1024 * 1024;

  /** Raw articles from producers (files, feeds, HTTP ingest). */
  public static final TopicSpec NEWS_RAW =
      new TopicSpec(
          "news.raw",
          3,
          false,
          WEEK,
          "RawArticle",
          "Articles as producers received them; key articleId, header newsmon-trace-id.",
          RAW_MAX_MESSAGE_BYTES);

  /**
   * Cleaned articles. One partition because the deduplication stage that reads it must compare
   * every article with every recent one; see docs/architecture.md for why this scales far enough.
   */
  public static final TopicSpec NEWS_CLEAN =
      new TopicSpec(
          "news.clean",
          1,
          false,
          WEEK,
          "CleanArticle",
          "Main text and metadata after boilerplate removal; input of deduplication.");

  public static final TopicSpec NEWS_UNIQUE =
      new TopicSpec(
          "news.unique",
          3,
          false,
          WEEK,
          "DedupedArticle",
          "First article of each story cluster, with its cluster id.");

  public static final TopicSpec NEWS_DUPLICATES =
      new TopicSpec(
          "news.duplicates",
          3,
          false,
          WEEK,
          "DedupedArticle",
          "Copies of an earlier article, with duplicateOf, method and similarity.");

  public static final TopicSpec NEWS_STORIES =
      new TopicSpec(
          "news.stories",
          3,
          true,
          MONTH,
          "StoryUpdate",
          "Running count of copies and outlets per story cluster, latest by clusterId.");

  public static final TopicSpec NEWS_FLAGGED =
      new TopicSpec(
          "news.flagged",
          3,
          false,
          MONTH,
          "FlaggedArticle",
          "Unique articles that matched at least one topic, with the flags and their evidence.");

  /**
   * Topic definitions (the stored queries), latest by topic id; a tombstone deletes one. The
   * pipeline follows it and applies changes without a restart.
   */
  public static final TopicSpec NEWS_TOPIC_DEFINITIONS =
      new TopicSpec(
          "news.topic-definitions",
          1,
          true,
          MONTH,
          "TopicDefinition",
          "Topic definitions by topic id: query, filters, minimum score, version; a tombstone"
              + " deletes one.");

  private static final String TOPIC_STREAM_PREFIX = "news.topic.";

  /**
   * The stream of one catalog topic, for example {@code news.topic.border-tensions}: the flagged
   * articles that matched it, each with that topic's flag only. Created when the topic is defined.
   */
  public static TopicSpec topicStream(String topicId) {
    return new TopicSpec(
        TOPIC_STREAM_PREFIX + topicId,
        3,
        false,
        MONTH,
        "FlaggedArticle",
        "Articles flagged with topic " + topicId + ", with that topic's flag.");
  }

  /** Whether {@code name} is the stream of a catalog topic. */
  public static boolean isTopicStream(String name) {
    return name.startsWith(TOPIC_STREAM_PREFIX);
  }

  public static final TopicSpec NEWS_DEAD_LETTER =
      new TopicSpec(
          "news.dead-letter",
          1,
          false,
          MONTH,
          "bytes",
          "Records a pipeline stage or the alert service could not process: original key, value"
              + " and headers, reason in newsmon.error.* headers.",
          RAW_MAX_MESSAGE_BYTES + 1024 * 1024);

  public static final TopicSpec ALERTS_SUBSCRIPTIONS =
      new TopicSpec(
          "alerts.subscriptions",
          1,
          true,
          MONTH,
          "Subscription",
          "Webhook subscriptions by subscriptionId; a tombstone deletes one.");

  public static final TopicSpec ALERTS_SENT =
      new TopicSpec(
          "alerts.sent",
          3,
          true,
          MONTH,
          "Alert",
          "Alerts delivered, by deterministic alertId: the memory that prevents a second delivery.");

  /**
   * Deliveries not yet made, with where their retries stand: the alert service's durable retry
   * queue. Partitioned by subscription; each partition is worked by one instance of the alert
   * service (consumer group), which rebuilds its schedule from it after a restart or a rebalance.
   */
  public static final TopicSpec ALERTS_DELIVERIES =
      new TopicSpec(
          "alerts.deliveries",
          3,
          true,
          MONTH,
          "Delivery",
          "Pending webhook deliveries by alertId, with attempts and next attempt time; a tombstone"
              + " once delivered or given up.");

  public static final TopicSpec ALERTS_ATTEMPTS =
      new TopicSpec(
          "alerts.attempts",
          3,
          false,
          MONTH,
          "DeliveryAttempt",
          "The delivery log: every webhook attempt (time, status, latency, error), key"
              + " subscriptionId.");

  public static final TopicSpec ALERTS_DEAD_LETTER =
      new TopicSpec(
          "alerts.dead-letter",
          3,
          false,
          MONTH,
          "Delivery",
          "Deliveries given up (retries exhausted, endpoint gone or disabled), with the reason;"
              + " replayable.");

  public static final TopicSpec ALERTS_DELIVERED =
      new TopicSpec(
          "alerts.delivered",
          3,
          false,
          MONTH,
          "Delivery",
          "Deliveries made, with their payload, partitioned by subscription: the source of"
              + " replays.");

  public static final TopicSpec ALERTS_ENDPOINT_HEALTH =
      new TopicSpec(
          "alerts.endpoint-health",
          1,
          true,
          MONTH,
          "EndpointHealth",
          "Since when each subscription's endpoint has been failing; written on changes only.");

  public static final TopicSpec OPS_EVENTS =
      new TopicSpec(
          "ops.events",
          1,
          false,
          MONTH,
          "OpsEvent",
          "Operational events for operators and subscription owners: alerts dead-lettered,"
              + " subscriptions disabled.");

  /** All topics, in pipeline order. */
  /**
   * The feed entries the ingest service has published (or given up), so a restart does not publish
   * them again. Keys expire 90 days after their last write: the service rewrites an entry it still
   * sees in its feed after 45 days.
   */
  public static final TopicSpec INGEST_SEEN_ENTRIES =
      TopicSpec.compactedExpiring(
          "ingest.seen-entries",
          1,
          Duration.ofDays(90),
          "long",
          "Feed entries already handled, by feedId and entry-id hash; value: when, epoch ms.");

  /** Flagged articles per topic and hour: what volume sparklines and spike detection read. */
  public static final TopicSpec NEWS_TOPIC_VOLUME =
      TopicSpec.compactedExpiring(
          "news.topic-volume",
          3,
          MONTH,
          "TopicVolume",
          "Flagged articles per topic and hour, by topicId|windowStart; the latest count per hour"
              + " is kept a month.");

  /** A topic surging well above its usual volume, and falling back. */
  public static final TopicSpec NEWS_TOPIC_SPIKES =
      new TopicSpec(
          "news.topic-spikes",
          3,
          false,
          MONTH,
          "TopicSpike",
          "Spike events per topic (STARTED, ENDED) with the hour's count and the usual level.");

  public static final TopicSpec INGEST_FEEDS =
      new TopicSpec(
          "ingest.feeds",
          1,
          true,
          MONTH,
          "FeedDefinition",
          "Feeds added through the ingest admin API, by feed id; a tombstone removes one.");

  /**
   * Where {@code ./newsmon bench} measures Kafka's own produce-and-consume ceiling for the payloads
   * it sends through the pipeline. Not in {@link #ALL}: the benchmark creates it and deletes it.
   */
  public static final TopicSpec BENCH_CEILING =
      new TopicSpec(
          "bench.ceiling",
          3,
          false,
          Duration.ofHours(1),
          "RawArticle",
          "The end-to-end benchmark's raw articles, for the plain produce-and-consume ceiling.",
          RAW_MAX_MESSAGE_BYTES);

  public static final List<TopicSpec> ALL =
      List.of(
          NEWS_RAW,
          NEWS_CLEAN,
          NEWS_UNIQUE,
          NEWS_DUPLICATES,
          NEWS_STORIES,
          NEWS_FLAGGED,
          NEWS_TOPIC_DEFINITIONS,
          NEWS_DEAD_LETTER,
          ALERTS_SUBSCRIPTIONS,
          ALERTS_SENT,
          ALERTS_DELIVERIES,
          ALERTS_ATTEMPTS,
          ALERTS_DEAD_LETTER,
          ALERTS_DELIVERED,
          ALERTS_ENDPOINT_HEALTH,
          OPS_EVENTS,
          INGEST_SEEN_ENTRIES,
          INGEST_FEEDS,
          NEWS_TOPIC_VOLUME,
          NEWS_TOPIC_SPIKES);

  private TopicCatalog() {}

  public static TopicSpec byName(String name) {
    return ALL.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a catalog topic: " + name));
  }
}
