package io.newsmon.feeds;

import io.newsmon.avro.FeedEntryMetadata;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.ArticleIds;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** A fetched feed article as the producer record on {@code news.raw}. */
public final class FeedArticles {

  private FeedArticles() {}

  /**
   * The record for {@code article}, published under {@code sourceId}. Its id is a hash of source
   * and the entry's link (as the feed names it, before redirects), so the same entry seen again, by
   * this instance or another, keeps its id and the dedup stage calls it a copy of itself.
   */
  public static RawArticle toRaw(
      FeedPoller.FetchedArticle article, String sourceId, Instant ingestedAt, String traceId) {
    String link =
        article.entry().link() != null
            ? article.entry().link().toString()
            : article.url().toString();
    return RawArticle.newBuilder()
        .setArticleId(ArticleIds.ofLink(sourceId, link))
        .setSourceId(sourceId)
        .setUrl(article.url().toString())
        .setContentType(article.contentType())
        .setCharset(article.charset())
        .setPayload(ByteBuffer.wrap(article.body()))
        .setFeedId(article.feedId())
        .setEntryId(article.entry().entryId())
        .setFetchedAt(article.fetchedAt())
        .setIngestedAt(ingestedAt)
        .setTraceId(traceId)
        .setFeedEntry(metadata(article.entry()))
        .build();
  }

  /** Longest feed summary carried: enough for a fallback, small beside the page. */
  static final int MAX_SUMMARY_CHARS = 4000;

  private static FeedEntryMetadata metadata(FeedEntry entry) {
    String summary = entry.summary();
    if (summary != null && summary.length() > MAX_SUMMARY_CHARS) {
      summary = summary.substring(0, MAX_SUMMARY_CHARS);
    }
    return FeedEntryMetadata.newBuilder()
        .setTitle(entry.title())
        .setSummary(summary)
        .setAuthor(entry.author())
        .setPublishedAt(entry.publishedAt())
        .setCategories(List.copyOf(entry.categories()))
        .build();
  }
}
