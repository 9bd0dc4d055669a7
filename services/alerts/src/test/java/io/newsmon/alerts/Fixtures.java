package io.newsmon.alerts;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import java.time.Instant;
import java.util.List;

/** Test data shared by the alert service's tests. */
public final class Fixtures {

  private Fixtures() {}

  public static FlaggedArticle flagged(String articleId, String clusterId, String... topics) {
    CleanArticle article =
        CleanArticle.newBuilder()
            .setArticleId(articleId)
            .setSourceId("file")
            .setUrl("https://news.example/" + articleId)
            .setCanonicalUrl("https://news.example/" + articleId)
            .setTitle("Ukraine Border Service Says No Sign of Russian Troops")
            .setText("Russia is not amassing...")
            .setLanguage("en")
            .setPublishedAt(Instant.parse("2021-11-16T00:00:00Z"))
            .setWordCount(3)
            .setContentHash("h")
            .setIngestedAt(Instant.EPOCH)
            .setCleanedAt(Instant.EPOCH)
            .setTraceId("t")
            .build();
    List<TopicFlag> flags =
        java.util.Arrays.stream(topics)
            .map(
                t ->
                    TopicFlag.newBuilder()
                        .setTopicId(t)
                        .setTopicVersion(1)
                        .setScore(0.75)
                        .setMatchedTerms(List.of("troops near its border"))
                        .setSnippet("gathered nearly 100,000 <<troops near its border>>")
                        .build())
            .toList();
    return FlaggedArticle.newBuilder()
        .setArticle(article)
        .setClusterId(clusterId)
        .setFlags(flags)
        .setFlaggedAt(Instant.EPOCH)
        .setCountries(List.of("UA", "RU"))
        .build();
  }
}
