package io.newsmon.pipeline.dedup;

import io.newsmon.common.Hashes;
import io.newsmon.pipeline.text.TextNormalizer;

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

  /** Most LSH candidates checked per article: bounds the work for boilerplate-heavy buckets. */
  static final int MAX_CANDIDATES = 64;

  /** Decides on one article and remembers it. */
  public Decision decide(String articleId, String canonicalUrl, String text, long timestampMillis) {
    long idKey = exactKey("id", articleId);
    SeenArticle already = firstUnder(idKey);
    if (already != null) {
      // The same article published again (a producer retry or a re-run of a publish): a copy of
      // itself, so subscribers are not alerted twice.
      return new Decision(Decision.Method.EXACT_TEXT, already.clusterId(), articleId, 1.0);
    }
    long urlKey = canonicalUrl == null ? 0 : exactKey("url", canonicalUrl);
    Signatures.Analysis analysis = signatures.analyze(text);
    long textKey = analysis.textKey() == 0 ? 1 : analysis.textKey(); // 0 means "none"
    Fingerprint fingerprint = analysis.fingerprint();
    int[] bands = Signatures.bandKeys(fingerprint.minHash());

    // Both exact keys are looked up even when the URL matches: add() then writes only free keys.
    SeenArticle urlMatch = urlKey == 0 ? null : firstUnder(urlKey);
    SeenArticle textMatch = firstUnder(textKey);
    Decision decision = null;
    if (urlMatch != null) {
      decision = copyOf(urlMatch, Decision.Method.CANONICAL_URL);
    } else if (textMatch != null) {
      decision = copyOf(textMatch, Decision.Method.EXACT_TEXT);
    }
    if (decision == null) {
      decision = nearMatch(fingerprint, bands);
    }
    if (decision == null) {
      decision = Decision.firstSeen(articleId);
    }
    long[] newExactKeys = new long[3];
    int free = 0;
    newExactKeys[free++] = idKey;
    if (urlKey != 0 && urlMatch == null) {
      newExactKeys[free++] = urlKey;
    }
    if (textMatch == null) {
      newExactKeys[free++] = textKey;
    }
    index.add(
        index.nextSequence(),
        new SeenArticle(articleId, decision.clusterId(), timestampMillis, fingerprint),
        java.util.Arrays.copyOf(newExactKeys, free),
        bands);
    return decision;
  }

  /** Forgets what was seen before {@code cutoffMillis}: the retention window. */
  public int expireBefore(long cutoffMillis) {
    return index.expireBefore(cutoffMillis);
  }

  /**
   * The article an exact key was first seen with, or null (a key whose article expired is free).
   */
  private SeenArticle firstUnder(long key) {
    int match = index.exact(key);
    return match == 0 ? null : index.article(match);
  }

  private static Decision copyOf(SeenArticle seen, Decision.Method method) {
    return new Decision(method, seen.clusterId(), seen.articleId(), 1.0);
  }

  /** 64 bits of SHA-256 over a kind and a value: collisions are out of reach at any news volume. */
  static long exactKey(String kind, String value) {
    byte[] hash =
        Hashes.sha256((kind + ":" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long key = java.nio.ByteBuffer.wrap(hash).getLong();
    return key == 0 ? 1 : key; // 0 means "none"
  }

  /**
   * The best earlier article this one copies, or null. A candidate from the LSH buckets is a copy
   * when its estimated Jaccard similarity reaches the threshold, or when one text contains nearly
   * all of the other (an update that added a paragraph, a copy with a teaser line) and they still
   * share half their shingles; either way the independent SimHash estimate must agree before a
   * merge, so one unlucky MinHash estimate cannot hide a story.
   */
  private Decision nearMatch(Fingerprint fingerprint, int[] bands) {
    java.util.Set<Integer> candidates = new java.util.LinkedHashSet<>();
    index.candidates(bands, MAX_CANDIDATES, candidates::add);
    SeenArticle best = null;
    double bestSimilarity = 0;
    for (int candidate : candidates) {
      SeenArticle seen = index.article(candidate);
      if (seen == null || !seen.fingerprint().isSigned()) {
        continue; // expired, or too short to compare
      }
      double jaccard = Signatures.similarity(fingerprint.minHash(), seen.fingerprint().minHash());
      if (jaccard > bestSimilarity && isCopy(fingerprint, seen.fingerprint(), jaccard)) {
        best = seen;
        bestSimilarity = jaccard;
      }
    }
    return best == null
        ? null
        : new Decision(
            Decision.Method.NEAR_DUPLICATE, best.clusterId(), best.articleId(), bestSimilarity);
  }

  /** Containment needed to call a text contained in another one. */
  static final double CONTAINMENT = 0.9;

  /** Jaccard floor for containment: a long shared quote must not make two stories one. */
  static final double CONTAINMENT_MIN_JACCARD = 0.5;

  /**
   * How far the SimHash estimate may fall below what the MinHash estimate predicts for it, in
   * standard deviations of a 64-bit SimHash at that value. Four, not two: at two, one true copy in
   * forty failed the check by chance (and which one moved whenever the hashing changed), while the
   * unlucky MinHash estimate the check exists for is many deviations off.
   */
  static final double SIMHASH_DEVIATIONS = 4.0;

  /**
   * The least margin: near a predicted 1.0 the SimHash deviation vanishes, and the error of the
   * MinHash estimate that made the prediction dominates.
   */
  static final double SIMHASH_MIN_MARGIN = 0.12;

  /** The lowest SimHash similarity that agrees with {@code expected}. */
  static double simHashFloor(double expected) {
    double differing = 1.0 - expected; // the share of the 64 bits expected to differ
    double deviation = Math.sqrt(differing * (1.0 - differing) / 64.0);
    return expected - Math.max(SIMHASH_MIN_MARGIN, SIMHASH_DEVIATIONS * deviation);
  }

  boolean isCopy(Fingerprint a, Fingerprint b, double jaccard) {
    boolean similar = jaccard >= nearDuplicateThreshold;
    boolean contained =
        jaccard >= CONTAINMENT_MIN_JACCARD
            && containment(a.shingles(), b.shingles(), jaccard) >= CONTAINMENT;
    return (similar || contained)
        && Signatures.simHashSimilarity(a.simHash(), b.simHash())
            >= simHashFloor(expectedSimHash(a.shingles(), b.shingles(), jaccard));
  }

  /**
   * The SimHash similarity (1 - angle / pi) two sets of these sizes would show if their Jaccard
   * similarity were {@code jaccard}: the verification asks the independent SimHash to agree with
   * the MinHash estimate, whatever the two texts' lengths.
   */
  static double expectedSimHash(int a, int b, double jaccard) {
    double overlap = jaccard / (1 + jaccard) * (a + b);
    double cosine = Math.min(1.0, overlap / Math.sqrt((double) Math.max(1, a) * Math.max(1, b)));
    return 1.0 - Math.acos(cosine) / Math.PI;
  }

  /** Share of the smaller shingle set found in the larger one, from the Jaccard estimate. */
  static double containment(int a, int b, double jaccard) {
    double overlap = jaccard / (1 + jaccard) * (a + b);
    return Math.min(1.0, overlap / Math.max(1, Math.min(a, b)));
  }

  /** SHA-256 (hex) of the normalised text: equal for exact copies however they were typeset. */
  public static String contentHash(String text) {
    return Hashes.sha256Hex(TextNormalizer.normalize(text));
  }
}
