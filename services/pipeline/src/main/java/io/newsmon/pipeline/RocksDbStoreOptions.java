package io.newsmon.pipeline;

import io.newsmon.pipeline.dedup.DedupProcessor;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;

/**
 * RocksDB settings for the pipeline's stores, on top of Kafka Streams' defaults.
 *
 * <p>Kafka Streams turns on {@code optimize_filters_for_hits}, which drops the Bloom filters of the
 * bottom level: right for stores where lookups usually find their key, wrong for the dedup stores,
 * where almost every lookup of an article id or exact key misses (most articles are new). Without
 * the filter, each miss reads a data block of the bottom level, which holds most of the data and is
 * far larger than the block cache once millions of articles are held. With it, a miss costs a
 * filter probe. The filters cost about 1.25 bytes per key.
 */
public final class RocksDbStoreOptions implements RocksDBConfigSetter {

  /** Stores whose lookups mostly miss. */
  static final Set<String> MOSTLY_MISSING_LOOKUPS = Set.of(DedupProcessor.KEY_STORE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (MOSTLY_MISSING_LOOKUPS.contains(storeName)) {
      options.setOptimizeFiltersForHits(false);
      // A Bloom filter on the memtables too, so a miss need not search their skip lists.
      options.setMemtableWholeKeyFiltering(true);
      options.setMemtablePrefixBloomSizeRatio(0.1);
    }
    if (Boolean.getBoolean(INFO_LOG_PROPERTY)) {
      // Kafka Streams keeps RocksDB's LOG at ERROR; INFO shows flushes, compactions and stalls.
      options.setInfoLogLevel(org.rocksdb.InfoLogLevel.INFO_LEVEL);
      options.setStatsDumpPeriodSec(60);
    }
    if (storeName.startsWith(DEDUP_PREFIX)) {
      // Leveled compaction keeps a few sorted runs (Kafka Streams' universal style keeps many,
      // and a lookup probes each run); dynamic level sizes keep space overhead near 10 %.
      options.setCompactionStyle(CompactionStyle.LEVEL);
      options.setLevelCompactionDynamicLevelBytes(true);
    }
  }

  private static final String DEDUP_PREFIX = "dedup-";

  /** {@code -Dnewsmon.rocksdb.info-log=true}: RocksDB's own LOG at INFO, for diagnosing stalls. */
  public static final String INFO_LOG_PROPERTY = "newsmon.rocksdb.info-log";

  @Override
  public void close(String storeName, Options options) {
    // Nothing allocated in setConfig.
  }
}
