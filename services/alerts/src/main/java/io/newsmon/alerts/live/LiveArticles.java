package io.newsmon.alerts.live;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands each flagged article to the live listeners that want one of its topics. Thread-safe. */
public final class LiveArticles {

  /** A registered listener; closing it stops its events. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private record Listener(Set<String> topics, Consumer<Map<String, Object>> sink) {}

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Registers a listener for articles flagged with any of {@code topics} (every topic when empty).
   */
  public Registration listen(Set<String> topics, Consumer<Map<String, Object>> sink) {
    Listener listener = new Listener(Set.copyOf(topics), sink);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public int listeners() {
    return listeners.size();
  }

  public void publish(FlaggedArticle article) {
    for (Listener listener : listeners) {
      List<TopicFlag> wanted =
          article.getFlags().stream()
              .filter(
                  f -> listener.topics().isEmpty() || listener.topics().contains(f.getTopicId()))
              .toList();
      if (!wanted.isEmpty()) {
        listener.sink().accept(event(article, wanted));
      }
    }
  }

  /** The event a dashboard gets: the article, its story and the flags it asked for. */
  static Map<String, Object> event(FlaggedArticle flagged, List<TopicFlag> flags) {
    CleanArticle article = flagged.getArticle();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("articleId", article.getArticleId());
    json.put("clusterId", flagged.getClusterId());
    json.put("title", article.getTitle());
    json.put("url", article.getUrl());
    json.put("source", article.getSourceId());
    json.put(
        "publishedAt",
        article.getPublishedAt() == null ? null : article.getPublishedAt().toString());
    json.put("language", article.getLanguage());
    json.put(
        "topics",
        flags.stream()
            .map(
                f -> {
                  Map<String, Object> topic = new LinkedHashMap<>();
                  topic.put("id", f.getTopicId());
                  topic.put("score", f.getScore());
                  topic.put("snippet", f.getSnippet());
                  return topic;
                })
            .toList());
    return json;
  }
}
