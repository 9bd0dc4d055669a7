package io.newsmon.pipeline.dedup;

import io.newsmon.common.Hashes;
import io.newsmon.pipeline.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides whether an article is the first of its story or a copy, and records it in the index. Not
 * thread-safe: one instance per stream task, like the state stores behind its index.
 */
public final class Deduplicator {

  private final DedupIndex index;
  private final double nearDuplicateThreshold;
  private final Signatures signatures = new Signatures();

  /**
   * @param nearDuplicateThreshold minimum estimated Jaccard similarity of word 3-shingles for a
   *     near-duplicate, in [0.5, 1]
   */
  public Deduplicator(DedupIndex index, double nearDuplicateThreshold) {
    if (nearDuplicateThreshold < 0.5 || nearDuplicateThreshold > 1.0) {
      throw new IllegalArgumentException("near-duplicate threshold must be within [0.5, 1]");
    }
    this.index = index;
    this.nearDuplicateThreshold = nearDuplicateThreshold;
  }

  /** Decides on one article and remembers it. */
  public Decision decide(String articleId, String canonicalUrl, String text, long timestampMillis) {
    SeenArticle already = index.article(articleId);
    if (already != null) {
      // The same article published again (a producer retry or a re-run of a publish): a copy of
      // itself, so subscribers are not alerted twice.
      return new Decision(Decision.Method.EXACT_TEXT, already.clusterId(), articleId, 1.0);
    }
    String urlKey = canonicalUrl == null ? null : "url:" + canonicalUrl;
    String textKey = "text:" + contentHash(text);
    byte[] signature = signatures.sign(text);

    Decision decision = exactMatch(urlKey, Decision.Method.CANONICAL_URL);
    if (decision == null) {
      decision = exactMatch(textKey, Decision.Method.EXACT_TEXT);
    }
    if (decision == null) {
      decision = nearMatch(signature);
    }
    if (decision == null) {
      decision = Decision.firstSeen(articleId);
    }

    index.putArticle(articleId, new SeenArticle(decision.clusterId(), timestampMillis, signature));
    if (urlKey != null) {
      index.putExactIfAbsent(urlKey, articleId);
    }
    index.putExactIfAbsent(textKey, articleId);
    for (String bucket : Signatures.bucketKeys(signature)) {
      index.putBucketIfAbsent(bucket, articleId);
    }
    return decision;
  }

  private Decision exactMatch(String key, Decision.Method method) {
    if (key == null) {
      return null;
    }
    String match = index.exact(key);
    if (match == null) {
      return null;
    }
    SeenArticle seen = index.article(match);
    String cluster = seen == null ? match : seen.clusterId();
    return new Decision(method, cluster, match, 1.0);
  }

  private Decision nearMatch(byte[] signature) {
    Set<String> candidates = new LinkedHashSet<>();
    for (String bucket : Signatures.bucketKeys(signature)) {
      String candidate = index.bucket(bucket);
      if (candidate != null) {
        candidates.add(candidate);
      }
    }
    String best = null;
    double bestSimilarity = 0;
    SeenArticle bestSeen = null;
    for (String candidate : candidates) {
      SeenArticle seen = index.article(candidate);
      if (seen == null) {
        continue;
      }
      double similarity = Signatures.similarity(signature, seen.signature());
      if (similarity > bestSimilarity) {
        best = candidate;
        bestSimilarity = similarity;
        bestSeen = seen;
      }
    }
    if (best == null || bestSimilarity < nearDuplicateThreshold) {
      return null;
    }
    return new Decision(Decision.Method.NEAR_DUPLICATE, bestSeen.clusterId(), best, bestSimilarity);
  }

  /** SHA-256 (hex) of the normalised text: equal for exact copies however they were typeset. */
  public static String contentHash(String text) {
    return Hashes.sha256Hex(TextNormalizer.normalize(text));
  }
}
