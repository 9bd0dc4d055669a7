package io.newsmon.pipeline.dedup;

import org.apache.kafka.streams.state.KeyValueStore;

/** {@link DedupIndex} over the dedup processor's changelogged state stores. */
final class StoreDedupIndex implements DedupIndex {

  private final KeyValueStore<String, String> exact;
  private final KeyValueStore<String, String> buckets;
  private final KeyValueStore<String, byte[]> articles;

  StoreDedupIndex(
      KeyValueStore<String, String> exact,
      KeyValueStore<String, String> buckets,
      KeyValueStore<String, byte[]> articles) {
    this.exact = exact;
    this.buckets = buckets;
    this.articles = articles;
  }

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
    byte[] bytes = articles.get(articleId);
    return bytes == null ? null : SeenArticle.fromBytes(bytes);
  }

  @Override
  public void putArticle(String articleId, SeenArticle article) {
    articles.put(articleId, article.toBytes());
  }
}
