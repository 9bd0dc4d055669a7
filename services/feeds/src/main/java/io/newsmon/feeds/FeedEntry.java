package io.newsmon.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a feed, as a producer needs it to fetch and publish the article.
 *
 * @param entryId the entry's stable id: its GUID or Atom id, else its link, else a hash of its
 *     title and summary; what "seen before" is remembered by
 * @param link the article's absolute URL (relative links are resolved against the feed), or null
 *     when the entry has none
 * @param publishedAt when the feed says it was published (or updated, when that is all it says);
 *     null when it gives no date
 */
public record FeedEntry(
    String entryId,
    URI link,
    String title,
    String summary,
    String author,
    Instant publishedAt,
    List<String> categories) {

  public FeedEntry {
    Objects.requireNonNull(entryId, "entryId");
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
