package io.newsmon.pipeline.dedup;

import java.util.Objects;

/**
 * The deduplicator's verdict on one article.
 *
 * @param method how it was decided
 * @param clusterId the story cluster it belongs to
 * @param duplicateOf the earlier article it copies, or null when it is the first of its story
 * @param similarity estimated similarity with {@code duplicateOf}; 0 for the first of a story
 */
public record Decision(Method method, String clusterId, String duplicateOf, double similarity) {

  /** How a decision was reached. */
  public enum Method {
    FIRST_SEEN,
    CANONICAL_URL,
    EXACT_TEXT,
    NEAR_DUPLICATE
  }

  public Decision {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(clusterId, "clusterId");
    if ((method == Method.FIRST_SEEN) != (duplicateOf == null)) {
      throw new IllegalArgumentException("duplicateOf is set exactly for duplicates");
    }
    if (similarity < 0 || similarity > 1) {
      throw new IllegalArgumentException("similarity must be within [0, 1]: " + similarity);
    }
  }

  public static Decision firstSeen(String articleId) {
    return new Decision(Method.FIRST_SEEN, articleId, null, 0.0);
  }

  public boolean isDuplicate() {
    return duplicateOf != null;
  }
}
