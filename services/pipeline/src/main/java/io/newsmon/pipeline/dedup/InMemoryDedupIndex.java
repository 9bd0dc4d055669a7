package io.newsmon.pipeline.dedup;

import java.util.HashMap;
import java.util.Map;

/** A {@link DedupIndex} in maps: for tests and benchmarks, never for the pipeline. */
public final class InMemoryDedupIndex implements DedupIndex {

  private final Map<String, String> exact = new HashMap<>();
  private final Map<String, String> buckets = new HashMap<>();
  private final Map<String, SeenArticle> articles = new HashMap<>();

  @Override
  public String exact(String key) {
    return exact.get(key);
  }

  @Override
  public void putExactIfAbsent(String key, String articleId) {
    exact.putIfAbsent(key, articleId);
  }

  @Override
  public String bucket(String bucketKey) {
    return buckets.get(bucketKey);
  }

  @Override
  public void putBucketIfAbsent(String bucketKey, String articleId) {
    buckets.putIfAbsent(bucketKey, articleId);
  }

  @Override
  public SeenArticle article(String articleId) {
    return articles.get(articleId);
  }

  @Override
  public void putArticle(String articleId, SeenArticle article) {
    articles.put(articleId, article);
  }
}
