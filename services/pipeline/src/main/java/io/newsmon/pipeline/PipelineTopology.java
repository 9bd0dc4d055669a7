package io.newsmon.pipeline;

import static io.newsmon.common.TopicCatalog.NEWS_CLEAN;
import static io.newsmon.common.TopicCatalog.NEWS_DUPLICATES;
import static io.newsmon.common.TopicCatalog.NEWS_FLAGGED;
import static io.newsmon.common.TopicCatalog.NEWS_RAW;
import static io.newsmon.common.TopicCatalog.NEWS_STORIES;
import static io.newsmon.common.TopicCatalog.NEWS_UNIQUE;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupStatus;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.avro.StoryUpdate;
import io.newsmon.pipeline.clean.CleanProcessor;
import io.newsmon.pipeline.dedup.DedupProcessor;
import io.newsmon.pipeline.dedup.StoryProcessor;
import io.newsmon.pipeline.flag.FlagProcessor;
import io.newsmon.pipeline.flag.TopicDefinition;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds the pipeline topology: a pure function of its settings, with no I/O. */
public final class PipelineTopology {

  /** Settings the topology depends on. */
  public record Settings(
      double dedupThreshold, Duration dedupRetention, List<TopicDefinition> topics) {
    public Settings {
      Objects.requireNonNull(dedupRetention, "dedupRetention");
      Objects.requireNonNull(topics, "topics");
      topics = List.copyOf(topics);
    }

    /** Settings with the default seven-day deduplication window. */
    public Settings(double dedupThreshold, List<TopicDefinition> topics) {
      this(dedupThreshold, Duration.ofDays(7), topics);
    }
  }

  private PipelineTopology() {}

  public static Topology build(Settings settings) {
    Serde<String> keys = Serdes.String();
    Serde<RawArticle> raw = AvroSerde.of(RawArticle.class);
    Serde<CleanArticle> clean = AvroSerde.of(CleanArticle.class);
    Serde<DedupedArticle> deduped = AvroSerde.of(DedupedArticle.class);
    Serde<FlaggedArticle> flagged = AvroSerde.of(FlaggedArticle.class);
    Serde<StoryUpdate> stories = AvroSerde.of(StoryUpdate.class);
    StreamsBuilder builder = new StreamsBuilder();

    builder.stream(NEWS_RAW.name(), Consumed.with(keys, raw).withName("raw-source"))
        .processValues(CleanProcessor::new, Named.as("clean"))
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
            .processValues(
                () -> new DedupProcessor(settings.dedupThreshold(), settings.dedupRetention()),
                Named.as("dedup"),
                storeNames);
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

    builder.stream(NEWS_UNIQUE.name(), Consumed.with(keys, deduped).withName("unique-source"))
        .processValues(() -> new FlagProcessor(settings::topics), Named.as("flag"))
        .to(NEWS_FLAGGED.name(), Produced.with(keys, flagged).withName("flagged-sink"));

    return builder.build();
  }
}
