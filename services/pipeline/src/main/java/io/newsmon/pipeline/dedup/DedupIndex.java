package io.newsmon.pipeline.dedup;

import java.util.function.IntConsumer;

/**
 * What the deduplicator remembers about the articles in its window. Articles are numbered by a
 * sequence (from 1) so the LSH index can hold 4-byte references instead of article ids.
 */
public interface DedupIndex {

  /** The sequence number of an article seen before, or 0. */
  int sequenceOf(String articleId);

  /** The next free sequence number; numbers are never reused. */
  int nextSequence();

  /** The article with this sequence number, or null when unknown or expired. */
  SeenArticle article(int sequence);

  /** Remembers an article and, unless taken, its exact keys; adds it to its LSH buckets. */
  void add(int sequence, SeenArticle article, long[] exactKeys, int[] bandKeys);

  /** The article first seen under an exact key (canonical URL or text hash), or 0. */
  int exact(long key);

  /** Articles sharing an LSH bucket with {@code bandKeys}; at most {@code limit} calls. */
  void candidates(int[] bandKeys, int limit, IntConsumer consumer);

  /** Forgets every article seen before {@code cutoffMillis}; returns how many. */
  int expireBefore(long cutoffMillis);
}
