package io.newsmon.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.avro.DedupMethod;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.common.StageCounters;
import io.newsmon.pipeline.clean.RejectedArticleException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's own metrics, named for Prometheus (the registry also carries Kafka Streams' and
 * the JVM's):
 *
 * <ul>
 *   <li>{@code newsmon_stage_records_in_total{stage}} and {@code
 *       newsmon_stage_records_out_total{stage}}: records into and out of {@code clean}, {@code
 *       dedup} and {@code flag} (in minus out: refused, dead-lettered, or for {@code flag} not
 *       matching any topic)
 *   <li>{@code newsmon_dead_letter_records_total{reason}}: records sent to {@code news.dead-letter}
 *   <li>{@code newsmon_dedup_decisions_total{method}}: {@code first_seen} (unique) or how a copy
 *       was recognised; the duplicate ratio is the non-{@code first_seen} share
 *   <li>{@code newsmon_flags_total{topic}}: flags per topic
 *   <li>{@code newsmon_ingest_to_flagged_seconds}: histogram of the time from a producer handing
 *       the article to Kafka ({@code ingestedAt}) to its flag
 * </ul>
 *
 * Every series that can be known in advance starts at zero, so rates and ratios exist from the
 * first scrape.
 */
public final class PipelineMetrics {

  /** The stages, as the {@code stage} label names them. */
  public static final List<String> STAGES = List.of("clean", "dedup", "flag");

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Counter> in = new ConcurrentHashMap<>();
  private final Map<String, Counter> out = new ConcurrentHashMap<>();
  private final Map<DedupMethod, Counter> decisions = new EnumMap<>(DedupMethod.class);
  private final Map<String, Counter> flags = new ConcurrentHashMap<>();
  private final Timer ingestToFlagged;

  public PipelineMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = clock;
    for (String stage : STAGES) {
      in.put(
          stage,
          counter(
              StageCounters.RECORDS_IN, "Records into a stage", StageCounters.STAGE_TAG, stage));
      out.put(
          stage,
          counter(
              StageCounters.RECORDS_OUT, "Records out of a stage", StageCounters.STAGE_TAG, stage));
    }
    for (DedupMethod method : DedupMethod.values()) {
      decisions.put(
          method,
          counter(
              "newsmon.dedup.decisions",
              "Dedup decisions: first_seen is unique, the others how a copy was recognised",
              "method",
              method.name().toLowerCase(Locale.ROOT)));
    }
    for (String reason : deadLetterReasons()) {
      FunctionCounter.builder(
              "newsmon.dead.letter.records", reason, r -> DeadLetterHandlers.count(r))
          .description("Records sent to news.dead-letter, by reason")
          .tag("reason", reason)
          .register(registry);
    }
    this.ingestToFlagged =
        Timer.builder("newsmon.ingest.to.flagged")
            .description("From a producer handing an article to Kafka to its flag")
            .serviceLevelObjectives(PrometheusRegistries.latencyBuckets())
            .register(registry);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  /** Metrics nobody scrapes: for tests and tools that build the topology. */
  public static PipelineMetrics unregistered() {
    return new PipelineMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
  }

  /** Every reason a record can be dead-lettered for, as the {@code reason} label names it. */
  static List<String> deadLetterReasons() {
    List<String> reasons = new ArrayList<>();
    for (RejectedArticleException.Reason r : RejectedArticleException.Reason.values()) {
      reasons.add(r.name().toLowerCase(Locale.ROOT));
    }
    reasons.add(DeadLetterHandlers.UNDECODABLE_RECORD);
    reasons.add(DeadLetterHandlers.PROCESSING_ERROR);
    return reasons;
  }

  public MeterRegistry registry() {
    return registry;
  }

  void received(String stage) {
    in.get(stage).increment();
  }

  void emitted(String stage) {
    out.get(stage).increment();
  }

  void decided(DedupedArticle article) {
    decisions.get(article.getDecision().getMethod()).increment();
  }

  void flagged(FlaggedArticle article) {
    for (TopicFlag flag : article.getFlags()) {
      flags
          .computeIfAbsent(
              flag.getTopicId(), id -> counter("newsmon.flags", "Topic flags", "topic", id))
          .increment();
    }
    Instant ingested = article.getArticle().getIngestedAt();
    if (ingested != null) {
      Duration latency = Duration.between(ingested, clock.instant());
      ingestToFlagged.record(latency.isNegative() ? Duration.ZERO : latency);
    }
  }
}
