package io.newsmon.pipeline.clean;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.FeedEntryMetadata;
import io.newsmon.avro.RawArticle;
import io.newsmon.pipeline.dedup.Deduplicator;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The {@code clean} stage: RawArticle in, CleanArticle out; bad input throws to the dead-letter
 * handler.
 */
public final class CleanProcessor implements FixedKeyProcessor<String, RawArticle, CleanArticle> {

  private final ArticleCleaner cleaner = new ArticleCleaner();
  private FixedKeyProcessorContext<String, CleanArticle> context;

  @Override
  public void init(FixedKeyProcessorContext<String, CleanArticle> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    RawArticle raw = record.value();
    if (raw == null) {
      throw new RejectedArticleException(
          RejectedArticleException.Reason.EMPTY, "null record value");
    }
    // Where the page says nothing, what its feed said (null for other producers).
    FeedEntryMetadata feed = raw.getFeedEntry();
    CleanedDocument doc = cleaner.clean(toDocument(raw, feed == null ? null : feed.getTitle()));
    String text = doc.text();
    Instant cleanedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
    CleanArticle clean =
        CleanArticle.newBuilder()
            .setArticleId(raw.getArticleId())
            .setSourceId(raw.getSourceId())
            .setUrl(doc.url())
            .setCanonicalUrl(doc.canonicalUrl())
            .setTitle(doc.title())
            .setText(text)
            .setLanguage(doc.language())
            .setPublishedAt(
                firstPlausible(
                    doc.publishedAt(), feed == null ? null : feed.getPublishedAt(), cleanedAt))
            .setAuthor(firstNonBlank(doc.author(), feed == null ? null : feed.getAuthor()))
            .setSiteName(doc.siteName())
            .setWordCount(doc.wordCount())
            .setContentHash(Deduplicator.contentHash(text))
            .setIngestedAt(raw.getIngestedAt())
            .setCleanedAt(cleanedAt)
            .setTraceId(raw.getTraceId())
            .build();
    context.forward(record.withValue(clean));
  }

  /**
   * The page's publication time, else the feed's, leaving out a time more than a day ahead of the
   * clean stage's clock (year 9999, a clock set wrong, a time zone misread twice): an article with
   * an absurd date is still news, but the date would sort it first everywhere it is shown.
   */
  static Instant firstPlausible(Instant page, Instant feed, Instant now) {
    Instant latest = now.plus(PUBLISHED_AHEAD);
    if (page != null && !page.isAfter(latest)) {
      return page;
    }
    return feed != null && !feed.isAfter(latest) ? feed : null;
  }

  private static final java.time.Duration PUBLISHED_AHEAD = java.time.Duration.ofDays(1);

  private static String firstNonBlank(String page, String feed) {
    return page != null && !page.isBlank() ? page : feed == null || feed.isBlank() ? null : feed;
  }

  private static RawDocument toDocument(RawArticle raw, String titleHint) {
    ByteBuffer buffer = raw.getPayload().duplicate();
    byte[] payload = new byte[buffer.remaining()];
    buffer.get(payload);
    return new RawDocument(
        payload, raw.getContentType(), raw.getCharset(), raw.getUrl(), titleHint);
  }
}
