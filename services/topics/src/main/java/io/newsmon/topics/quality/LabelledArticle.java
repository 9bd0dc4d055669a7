package io.newsmon.topics.quality;

import io.newsmon.topics.match.ArticleText;
import java.util.Objects;
import java.util.Set;

/**
 * A real article with the topics people judged it to be about.
 *
 * @param id stable id of the article in the evaluation corpus
 * @param text what the monitor reads
 * @param topics ids of the topics the article is about (may be empty)
 */
public record LabelledArticle(String id, ArticleText text, Set<String> topics) {

  public LabelledArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    topics = Set.copyOf(topics);
  }
}
