package io.newsmon.pipeline.dedup;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.StoryUpdate;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code stories} stage: after each dedup decision, the story's running tally of copies and
 * outlets, keyed by cluster id, for {@code news.stories}.
 */
public final class StoryProcessor
    implements Processor<String, DedupedArticle, String, StoryUpdate> {

  public static final String STORE = "story-tallies";

  /** Outlet names carried on the topic; the tally counts all of them. */
  static final int NAMES_ON_THE_WIRE = 50;

  private ProcessorContext<String, StoryUpdate> context;
  private KeyValueStore<String, byte[]> tallies;

  public static StoreBuilder<?> storeBuilder() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray());
  }

  @Override
  public void init(ProcessorContext<String, StoryUpdate> context) {
    this.context = context;
    this.tallies = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, DedupedArticle> record) {
    CleanArticle article = record.value().getArticle();
    String cluster = record.value().getDecision().getClusterId();
    String outlet =
        StoryTally.outletOf(article.getCanonicalUrl(), article.getUrl(), article.getSourceId());
    byte[] stored = tallies.get(cluster);
    StoryTally tally =
        stored == null
            ? StoryTally.first(article.getTitle(), outlet)
            : StoryTally.fromBytes(stored).add(outlet);
    tallies.put(cluster, tally.toBytes());
    context.forward(
        new Record<>(
            cluster,
            StoryUpdate.newBuilder()
                .setClusterId(cluster)
                .setTitle(tally.title())
                .setCopies(tally.copies())
                .setOutlets(tally.outlets().size())
                .setOutletNames(
                    tally.outlets().subList(0, Math.min(NAMES_ON_THE_WIRE, tally.outlets().size())))
                .setLastArticleId(article.getArticleId())
                .setUpdatedAt(Instant.ofEpochMilli(record.timestamp()))
                .build(),
            record.timestamp(),
            record.headers()));
  }
}
