package io.newsmon.pipeline.dedup;

/** What the deduplicator remembers about articles it has seen. */
public interface DedupIndex {

  /** The article first seen under an exact key (canonical URL or text hash), or null. */
  String exact(String key);

  /** Remembers {@code articleId} under {@code key} unless the key is taken. */
  void putExactIfAbsent(String key, String articleId);

  /** The first article whose signature fell in this LSH bucket, or null. */
  String bucket(String bucketKey);

  void putBucketIfAbsent(String bucketKey, String articleId);

  SeenArticle article(String articleId);

  void putArticle(String articleId, SeenArticle article);
}
