package io.newsmon.topics.match;

import java.util.Objects;

/**
 * What the monitor reads of an article.
 *
 * @param title the headline, may be empty
 * @param body the clean text
 * @param language ISO 639-1 code, or null when unknown
 * @param source the producer's source id, or null
 */
public record ArticleText(String title, String body, String language, String source) {

  public ArticleText {
    title = title == null ? "" : title;
    Objects.requireNonNull(body, "body");
  }

  /** Title and body as one text, the way the {@code text} field holds them. */
  public String fullText() {
    return title.isEmpty() ? body : title + "\n\n" + body;
  }
}
