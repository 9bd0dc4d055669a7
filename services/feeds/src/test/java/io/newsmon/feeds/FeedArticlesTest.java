package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.RawArticle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedArticlesTest {

  private static FeedPoller.FetchedArticle fetched(String link, String finalUrl) {
    FeedEntry entry =
        new FeedEntry(
            "guid-1",
            URI.create(link),
            "Troops",
            "x".repeat(5000),
            "Jane Doe",
            Instant.parse("2026-11-30T09:00:00Z"),
            List.of("Russia", "Ukraine"));
    return new FeedPoller.FetchedArticle(
        "moscow-times",
        entry,
        URI.create(finalUrl),
        "<html></html>".getBytes(StandardCharsets.UTF_8),
        "text/html",
        "utf-8",
        Instant.parse("2026-11-30T10:00:00Z"));
  }

  @Test
  void theRecordCarriesTheFeedsMetadataAndAStableId() {
    RawArticle raw =
        FeedArticles.toRaw(
            fetched("https://mt.example/a", "https://www.mt.example/a"),
            "moscow-times",
            Instant.parse("2026-11-30T10:00:01Z"),
            "0123456789abcdef0123456789abcdef");

    assertThat(raw.getSourceId()).isEqualTo("moscow-times");
    assertThat(raw.getUrl()).as("where it was fetched from").isEqualTo("https://www.mt.example/a");
    assertThat(raw.getFeedId()).isEqualTo("moscow-times");
    assertThat(raw.getEntryId()).isEqualTo("guid-1");
    assertThat(raw.getCharset()).isEqualTo("utf-8");
    assertThat(raw.getFetchedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(raw.getIngestedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:01Z"));
    assertThat(raw.getFeedEntry().getTitle()).isEqualTo("Troops");
    assertThat(raw.getFeedEntry().getAuthor()).isEqualTo("Jane Doe");
    assertThat(raw.getFeedEntry().getPublishedAt())
        .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    assertThat(raw.getFeedEntry().getCategories()).containsExactly("Russia", "Ukraine");
    assertThat(raw.getFeedEntry().getSummary()).hasSize(FeedArticles.MAX_SUMMARY_CHARS);
    assertThat(raw.getArticleId())
        .as("the same entry link and source, the same id, wherever it redirected")
        .isEqualTo(
            FeedArticles.toRaw(
                    fetched("https://mt.example/a", "https://elsewhere.example/a"),
                    "moscow-times",
                    Instant.now(),
                    "t")
                .getArticleId())
        .isNotEqualTo(io.newsmon.common.ArticleIds.ofLink("other-source", "https://mt.example/a"));
  }
}
