package io.newsmon.pipeline.dedup;

import java.util.Objects;

/**
 * What the index keeps per article: its id, its cluster, when it was seen and its fingerprint.
 *
 * @param articleId the article
 * @param clusterId the story cluster (articleId of the cluster's first article)
 * @param seenAtMillis when it was seen: the stream time (newest record time so far) when it was
 *     processed, so the retention window follows processing order
 * @param fingerprint the text's MinHash, SimHash and shingle count
 */
public record SeenArticle(
    String articleId, String clusterId, long seenAtMillis, Fingerprint fingerprint) {

  public SeenArticle {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
