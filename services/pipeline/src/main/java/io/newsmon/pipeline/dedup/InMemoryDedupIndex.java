package io.newsmon.pipeline.dedup;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntConsumer;

/** A {@link DedupIndex} in maps and an {@link LshIndex}: for tests, the CLI and benchmarks. */
public final class InMemoryDedupIndex implements DedupIndex {

  private final Map<Integer, SeenArticle> articles = new HashMap<>();
  private final Map<Integer, long[]> exactKeysOf = new HashMap<>();
  private final Map<Long, Integer> exact = new HashMap<>();
  private final LshIndex buckets = new LshIndex(1024);
  private int next = 1;

  @Override
  public int nextSequence() {
    int sequence = next;
    next = next == Integer.MAX_VALUE ? 1 : next + 1;
    return sequence;
  }

  @Override
  public SeenArticle article(int sequence) {
    return articles.get(sequence);
  }

  @Override
  public void add(int sequence, SeenArticle article, long[] newExactKeys, int[] bandKeys) {
    articles.put(sequence, article);
    exactKeysOf.put(sequence, newExactKeys);
    for (long key : newExactKeys) {
      exact.put(key, sequence);
    }
    buckets.add(bandKeys, sequence);
  }

  @Override
  public int exact(long key) {
    return exact.getOrDefault(key, 0);
  }

  @Override
  public void candidates(int[] bandKeys, int limit, IntConsumer consumer) {
    buckets.candidates(bandKeys, limit, consumer);
  }

  @Override
  public int expireBefore(long cutoffMillis) {
    int expired = 0;
    for (Iterator<Map.Entry<Integer, SeenArticle>> it = articles.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Integer, SeenArticle> e = it.next();
      SeenArticle article = e.getValue();
      if (article.seenAtMillis() < cutoffMillis) {
        int sequence = e.getKey();
        it.remove();
        for (long key : exactKeysOf.remove(sequence)) {
          exact.remove(key, sequence);
        }
        buckets.remove(Signatures.bandKeys(article.fingerprint().minHash()), sequence);
        expired++;
      }
    }
    return expired;
  }
}
