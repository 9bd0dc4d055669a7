package io.newsmon.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of an alert, in the Standard Webhooks envelope: {@code type}, {@code timestamp},
 * {@code data}. Field names are a public contract: docs/alerts.md documents them.
 */
public final class AlertPayload {

  public static final String TYPE = "topic.flagged";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertPayload() {}

  public static String json(
      String alertId,
      String subscriptionId,
      FlaggedArticle flagged,
      TopicFlag flag,
      int outletCount,
      int copyCount,
      Instant now) {
    CleanArticle article = flagged.getArticle();
    Map<String, Object> articleJson = new LinkedHashMap<>();
    articleJson.put("id", article.getArticleId());
    articleJson.put("title", article.getTitle());
    articleJson.put("url", article.getUrl());
    articleJson.put("source", article.getSourceId());
    articleJson.put(
        "publishedAt",
        article.getPublishedAt() == null ? null : article.getPublishedAt().toString());
    articleJson.put("language", article.getLanguage());
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("id", flag.getTopicId());
    topic.put("version", flag.getTopicVersion());
    topic.put("score", flag.getScore());
    topic.put("matchedTerms", flag.getMatchedTerms());
    topic.put("snippet", flag.getSnippet());
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("clusterId", flagged.getClusterId());
    story.put("outletCount", outletCount);
    story.put("copyCount", copyCount);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("alertId", alertId);
    data.put("subscriptionId", subscriptionId);
    data.put("topic", topic);
    data.put("article", articleJson);
    data.put("story", story);
    data.put(
        "otherTopics",
        flagged.getFlags().stream()
            .map(TopicFlag::getTopicId)
            .filter(id -> !id.equals(flag.getTopicId()))
            .toList());
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", TYPE);
    envelope.put("timestamp", now.toString());
    envelope.put("data", data);
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render alert " + alertId, e);
    }
  }
}
