package io.newsmon.pipeline.dedup;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.pipeline.WireMapping;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dedup} stage: decides for each clean article whether it starts a story or copies one.
 * Its stores are changelogged, so a restarted or moved task resumes with what it knew; the LSH
 * index is rebuilt from them in memory when the task starts. Articles older than the retention
 * window are forgotten every minute; an article's age is measured in stream time (the newest record
 * time seen when it was processed), as Kafka Streams measures windows, so a late record with an old
 * timestamp is held for the full window.
 */
public final class DedupProcessor
    implements FixedKeyProcessor<String, CleanArticle, DedupedArticle> {

  public static final String ARTICLE_STORE = "dedup-articles";
  public static final String KEY_STORE = "dedup-keys";

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);
  private static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);

  private final double threshold;
  private final Duration retention;
  private FixedKeyProcessorContext<String, DedupedArticle> context;
  private Deduplicator deduplicator;
  private long latestRecordTime = Long.MIN_VALUE;

  public DedupProcessor(double threshold, Duration retention) {
    this.threshold = threshold;
    this.retention = retention;
  }

  /** The stores this processor needs, to be added to the topology. */
  public static StoreBuilder<?>[] storeBuilders() {
    return new StoreBuilder<?>[] {
      Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(ARTICLE_STORE), Serdes.Integer(), Serdes.ByteArray()),
      Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(KEY_STORE), Serdes.Long(), Serdes.Integer())
    };
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DedupedArticle> context) {
    this.context = context;
    KeyValueStore<Integer, byte[]> articles = context.getStateStore(ARTICLE_STORE);
    KeyValueStore<Long, Integer> keys = context.getStateStore(KEY_STORE);
    long start = System.nanoTime();
    StoreDedupIndex index = new StoreDedupIndex(articles, keys);
    LOG.info(
        "dedup index rebuilt: {} LSH entries, {} bytes, in {} ms",
        index.lshEntries(),
        index.lshBytes(),
        (System.nanoTime() - start) / 1_000_000);
    this.deduplicator = new Deduplicator(index, threshold);
    context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expire());
  }

  @Override
  public void process(FixedKeyRecord<String, CleanArticle> record) {
    CleanArticle article = record.value();
    latestRecordTime = Math.max(latestRecordTime, record.timestamp());
    Decision decision =
        deduplicator.decide(
            article.getArticleId(), article.getCanonicalUrl(), article.getText(), latestRecordTime);
    context.forward(
        record.withValue(
            DedupedArticle.newBuilder()
                .setArticle(article)
                .setDecision(WireMapping.toWire(decision))
                .build()));
  }

  /** Forgets articles older than the window, measured back from the newest record seen. */
  void expire() {
    if (latestRecordTime == Long.MIN_VALUE) {
      return;
    }
    int expired = deduplicator.expireBefore(latestRecordTime - retention.toMillis());
    if (expired > 0) {
      LOG.info("dedup window: forgot {} articles older than {}", expired, retention);
    }
  }
}
