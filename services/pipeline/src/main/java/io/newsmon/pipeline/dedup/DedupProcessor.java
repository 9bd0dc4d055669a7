package io.newsmon.pipeline.dedup;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.pipeline.WireMapping;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code dedup} stage: decides for each clean article whether it starts a story or copies one.
 * Its three stores are changelogged, so a restarted or moved task resumes with what it knew.
 */
public final class DedupProcessor
    implements FixedKeyProcessor<String, CleanArticle, DedupedArticle> {

  public static final String EXACT_STORE = "dedup-exact-keys";
  public static final String BUCKET_STORE = "dedup-lsh-buckets";
  public static final String ARTICLE_STORE = "dedup-articles";

  private final double threshold;
  private FixedKeyProcessorContext<String, DedupedArticle> context;
  private Deduplicator deduplicator;

  public DedupProcessor(double threshold) {
    this.threshold = threshold;
  }

  /** The stores this processor needs, to be added to the topology. */
  public static StoreBuilder<?>[] storeBuilders() {
    return new StoreBuilder<?>[] {
      Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(EXACT_STORE), Serdes.String(), Serdes.String()),
      Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(BUCKET_STORE), Serdes.String(), Serdes.String()),
      Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(ARTICLE_STORE), Serdes.String(), Serdes.ByteArray())
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DedupedArticle> context) {
    this.context = context;
    KeyValueStore<String, String> exact = context.getStateStore(EXACT_STORE);
    KeyValueStore<String, String> buckets = context.getStateStore(BUCKET_STORE);
    KeyValueStore<String, byte[]> articles = context.getStateStore(ARTICLE_STORE);
    this.deduplicator = new Deduplicator(new StoreDedupIndex(exact, buckets, articles), threshold);
  }

  @Override
  public void process(FixedKeyRecord<String, CleanArticle> record) {
    CleanArticle article = record.value();
    Decision decision =
        deduplicator.decide(
            article.getArticleId(),
            article.getCanonicalUrl(),
            article.getText(),
            record.timestamp());
    context.forward(
        record.withValue(
            DedupedArticle.newBuilder()
                .setArticle(article)
                .setDecision(WireMapping.toWire(decision))
                .build()));
  }
}
