package io.newsmon.pipeline;

import static io.newsmon.common.TopicCatalog.NEWS_CLEAN;
import static io.newsmon.common.TopicCatalog.NEWS_DUPLICATES;
import static io.newsmon.common.TopicCatalog.NEWS_FLAGGED;
import static io.newsmon.common.TopicCatalog.NEWS_RAW;
import static io.newsmon.common.TopicCatalog.NEWS_STORIES;
import static io.newsmon.common.TopicCatalog.NEWS_TOPIC_SPIKES;
import static io.newsmon.common.TopicCatalog.NEWS_TOPIC_VOLUME;
import static io.newsmon.common.TopicCatalog.NEWS_UNIQUE;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupStatus;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.avro.StoryUpdate;
import io.newsmon.avro.TopicSpike;
import io.newsmon.avro.TopicVolume;
import io.newsmon.common.TopicCatalog;
import io.newsmon.pipeline.clean.CleanProcessor;
import io.newsmon.pipeline.clean.RejectedArticleException;
import io.newsmon.pipeline.dedup.DedupProcessor;
import io.newsmon.pipeline.dedup.StoryProcessor;
import io.newsmon.pipeline.flag.FlagProcessor;
import io.newsmon.pipeline.volume.SpikeRule;
import io.newsmon.pipeline.volume.TopicVolumeProcessor;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.match.TopicMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.MDC;

/** Builds the pipeline topology: a pure function of its settings, with no I/O. */
public final class PipelineTopology {

  /**
   * Settings the topology depends on.
   *
   * @param dedupThreshold near-duplicate similarity threshold
   * @param dedupRetention how long the dedup stage remembers articles
   * @param topics the running topics, shared by every flag task and updated while the pipeline
   *     runs; its lifecycle belongs to the caller
   * @param metrics where the stages count what they do
   * @param spikeRule when a topic's volume is a spike
   */
  public record Settings(
      double dedupThreshold,
      Duration dedupRetention,
      TopicMonitor topics,
      PipelineMetrics metrics,
      SpikeRule spikeRule) {
    public Settings {
      Objects.requireNonNull(dedupRetention, "dedupRetention");
      Objects.requireNonNull(topics, "topics");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(spikeRule, "spikeRule");
    }

    /** Settings with the default deduplication window and spike rule, and unscraped metrics. */
    public Settings(double dedupThreshold, TopicMonitor topics) {
      this(
          dedupThreshold,
          Duration.ofDays(7),
          topics,
          PipelineMetrics.unregistered(),
          SpikeRule.DEFAULT);
    }
  }

  private PipelineTopology() {}

  static List<FlaggedArticle> perTopic(FlaggedArticle article) {
    return article.getFlags().stream()
        .map(flag -> FlaggedArticle.newBuilder(article).setFlags(List.of(flag)).build())
        .toList();
  }

  /**
   * Names the trace id of the record a stream thread is about to process in the logging context, so
   * what a stage (or the dead-letter handler) logs about it carries it.
   */
  static void traceInLogs(String traceId) {
    if (traceId == null) {
      MDC.remove(TRACE_ID);
    } else {
      MDC.put(TRACE_ID, traceId);
    }
  }

  /** The logging context's key for the trace id. */
  public static final String TRACE_ID = "traceId";

  public static Topology build(Settings settings) {
    Serde<String> keys = Serdes.String();
    Serde<RawArticle> raw = AvroSerde.of(RawArticle.class);
    Serde<CleanArticle> clean = AvroSerde.of(CleanArticle.class);
    Serde<DedupedArticle> deduped = AvroSerde.of(DedupedArticle.class);
    Serde<FlaggedArticle> flagged = AvroSerde.of(FlaggedArticle.class);
    Serde<StoryUpdate> stories = AvroSerde.of(StoryUpdate.class);
    PipelineMetrics metrics = settings.metrics();
    StreamsBuilder builder = new StreamsBuilder();

    builder.stream(NEWS_RAW.name(), Consumed.with(keys, raw).withName("raw-source"))
        .peek(
            (id, article) -> {
              metrics.received("clean");
              traceInLogs(article == null ? null : article.getTraceId());
            },
            Named.as("clean-count-in"))
        .processValues(CleanProcessor::new, Named.as("clean"))
        .peek(
            (id, article) -> {
              metrics.emitted("clean");
              traceInLogs(null);
            },
            Named.as("clean-count-out"))
        .to(NEWS_CLEAN.name(), Produced.with(keys, clean).withName("clean-sink"));

    StoreBuilder<?>[] stores = DedupProcessor.storeBuilders();
    String[] storeNames = new String[stores.length];
    for (int i = 0; i < stores.length; i++) {
      builder.addStateStore(stores[i]);
      storeNames[i] = stores[i].name();
    }
    builder.addStateStore(StoryProcessor.storeBuilder());
    KStream<String, DedupedArticle> decided =
        builder.stream(NEWS_CLEAN.name(), Consumed.with(keys, clean).withName("clean-source"))
            .peek(
                (id, article) -> {
                  metrics.received("dedup");
                  traceInLogs(article == null ? null : article.getTraceId());
                },
                Named.as("dedup-count-in"))
            .processValues(
                () ->
                    new TombstoneGuard<>(
                        new DedupProcessor(settings.dedupThreshold(), settings.dedupRetention()),
                        NEWS_CLEAN.name()),
                Named.as("dedup"),
                storeNames)
            .peek(
                (id, article) -> {
                  metrics.emitted("dedup");
                  metrics.decided(article);
                  traceInLogs(null);
                },
                Named.as("dedup-count-out"));
    decided
        .process(StoryProcessor::new, Named.as("stories"), StoryProcessor.STORE)
        .to(NEWS_STORIES.name(), Produced.with(keys, stories).withName("stories-sink"));
    decided
        .split(Named.as("dedup-"))
        .branch(
            (id, article) -> article.getDecision().getStatus() == DedupStatus.UNIQUE,
            Branched.withConsumer(
                unique ->
                    unique.to(
                        NEWS_UNIQUE.name(), Produced.with(keys, deduped).withName("unique-sink")),
                "unique"))
        .defaultBranch(
            Branched.withConsumer(
                copies ->
                    copies.to(
                        NEWS_DUPLICATES.name(),
                        Produced.with(keys, deduped).withName("duplicates-sink")),
                "duplicates"));

    KStream<String, FlaggedArticle> flaggedArticles =
        builder.stream(NEWS_UNIQUE.name(), Consumed.with(keys, deduped).withName("unique-source"))
            .peek(
                (id, article) -> {
                  metrics.received("flag");
                  traceInLogs(article == null ? null : article.getArticle().getTraceId());
                },
                Named.as("flag-count-in"))
            .processValues(
                () ->
                    new TombstoneGuard<>(new FlagProcessor(settings.topics()), NEWS_UNIQUE.name()),
                Named.as("flag"))
            .peek(
                (id, article) -> {
                  metrics.emitted("flag");
                  metrics.flagged(article);
                  traceInLogs(null);
                },
                Named.as("flag-count-out"));
    flaggedArticles.to(NEWS_FLAGGED.name(), Produced.with(keys, flagged).withName("flagged-sink"));
    // One stream per catalog topic: each copy carries only that topic's flag.
    flaggedArticles
        .flatMapValues(PipelineTopology::perTopic, Named.as("split-by-topic"))
        .to(
            (key, article, context) ->
                TopicCatalog.topicStream(article.getFlags().get(0).getTopicId()).name(),
            Produced.with(keys, flagged).withName("topic-streams-sink"));

    // Topic volume and spikes: a sub-topology of its own reading news.flagged, one record per
    // flag, repartitioned by topic so one task counts all of a topic.
    builder.addStateStore(TopicVolumeProcessor.bucketStore());
    builder.addStateStore(TopicVolumeProcessor.spikeStore());
    builder.stream(NEWS_FLAGGED.name(), Consumed.with(keys, flagged).withName("flagged-source"))
        .flatMap(
            (id, article) -> {
              if (article == null) {
                throw new RejectedArticleException(
                    RejectedArticleException.Reason.EMPTY,
                    "null record value (a tombstone) on news.flagged");
              }
              return article.getFlags().stream()
                  .map(flag -> KeyValue.pair(flag.getTopicId(), id))
                  .toList();
            },
            Named.as("flags-by-topic"))
        .repartition(
            Repartitioned.<String, String>as("topic-volume-by-topic")
                .withKeySerde(keys)
                .withValueSerde(Serdes.String()))
        .process(
            () -> new TopicVolumeProcessor(settings.spikeRule()),
            Named.as("topic-volume"),
            TopicVolumeProcessor.BUCKETS,
            TopicVolumeProcessor.SPIKES)
        .split(Named.as("topic-volume-"))
        .branch(
            (topic, event) -> event instanceof TopicVolume,
            Branched.withConsumer(
                volumes ->
                    volumes
                        .mapValues(event -> (TopicVolume) event, Named.as("as-topic-volume"))
                        .to(
                            NEWS_TOPIC_VOLUME.name(),
                            Produced.with(keys, AvroSerde.of(TopicVolume.class))
                                .withName("topic-volume-sink")),
                "counts"))
        .defaultBranch(
            Branched.withConsumer(
                spikes ->
                    spikes
                        .mapValues(event -> (TopicSpike) event, Named.as("as-topic-spike"))
                        .to(
                            NEWS_TOPIC_SPIKES.name(),
                            Produced.with(keys, AvroSerde.of(TopicSpike.class))
                                .withName("topic-spikes-sink")),
                "spikes"));

    return builder.build();
  }
}
