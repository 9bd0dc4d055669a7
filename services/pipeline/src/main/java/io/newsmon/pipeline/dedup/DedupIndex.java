package io.newsmon.pipeline.dedup;

import java.util.function.IntConsumer;

/**
 * What the deduplicator remembers about the articles in its window. Articles are numbered by a
 * sequence (from 1) so the LSH index can hold 4-byte references instead of article ids.
 */
public interface DedupIndex {

  /**
   * The next free sequence number. Numbers wrap from {@link Integer#MAX_VALUE} back to 1, so one is
   * reused only after two billion later articles, far more than any window holds.
   */
  int nextSequence();

  /** The article with this sequence number, or null when unknown or expired. */
  SeenArticle article(int sequence);

  /**
   * Remembers an article, adds it to its LSH buckets and records it under {@code newExactKeys}: the
   * exact keys (article id, canonical URL, text) the caller looked up and found free (a taken key
   * keeps its first article).
   */
  void add(int sequence, SeenArticle article, long[] newExactKeys, int[] bandKeys);

  /** The article first seen under an exact key (article id, canonical URL or text), or 0. */
  int exact(long key);

  /** Articles sharing an LSH bucket with {@code bandKeys}; at most {@code limit} calls. */
  void candidates(int[] bandKeys, int limit, IntConsumer consumer);

  /**
   * Forgets articles seen before {@code cutoffMillis}; returns how many. An index may rely on
   * articles arriving in time order (as the processor's stream time does) and stop at the first
   * article still inside the window: an article is then never forgotten early, at worst late.
   */
  int expireBefore(long cutoffMillis);
}
