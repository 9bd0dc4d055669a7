package io.newsmon.feeds;

import java.util.List;

/**
 * A feed document read: its kind ({@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0}...), title and
 * entries, each entry id once, in document order.
 */
public record ParsedFeed(String kind, String title, List<FeedEntry> entries) {
  public ParsedFeed {
    entries = List.copyOf(entries);
  }
}
