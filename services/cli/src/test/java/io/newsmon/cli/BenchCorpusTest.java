package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.pipeline.PipelineConfig;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.dedup.Decision;
import io.newsmon.pipeline.dedup.Deduplicator;
import io.newsmon.pipeline.dedup.InMemoryDedupIndex;
import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's corpus is only worth measuring if the stages treat it as they treat news: every
 * article cleans, copies are found as copies and only as copies, and border stories are flagged.
 */
class BenchCorpusTest {

  private final BenchCorpus corpus = new BenchCorpus(7, 0.3, 0.1, 0.1, 80 * 1024);

  @Test
  void articleIIsAlwaysTheSameBytes() {
    for (int i : new int[] {0, 21, 999}) {
      assertThat(corpus.article(i).payload()).isEqualTo(corpus.article(i).payload());
    }
    assertThat(new BenchCorpus(8, 0.3, 0.1, 0.1, 80 * 1024).article(5).payload())
        .isNotEqualTo(corpus.article(5).payload());
  }

  @Test
  void stagesSeeNewsLengthStoriesTheirCopiesAndBorderTensions() throws Exception {
    ArticleCleaner cleaner = new ArticleCleaner();
    Deduplicator dedup =
        new Deduplicator(
            new InMemoryDedupIndex(),
            new PipelineConfig(Map.of()).getDouble(PipelineConfig.DEDUP_THRESHOLD));
    int articles = 600;
    int copies = 0;
    int copiesFound = 0;
    int falseCopies = 0;
    int border = 0;
    int borderFlagged = 0;
    int otherFlaggedBorder = 0;
    long words = 0;
    int html = 0;
    try (TopicMonitor monitor = TopicMonitor.of(Gazetteer.shipped(), TopicCatalogFile.starter())) {
      for (int i = 0; i < articles; i++) {
        BenchCorpus.Article article = corpus.article(i);
        html += article.contentType().equals("text/html") ? 1 : 0;
        CleanedDocument doc =
            cleaner.clean(
                new RawDocument(article.payload(), article.contentType(), null, article.url()));
        words += doc.text().split("\\s+").length;
        Decision decision = dedup.decide(article.articleId(), doc.canonicalUrl(), doc.text(), i);
        boolean foundCopy = decision.duplicateOf() != null;
        if (article.copy()) {
          copies++;
          copiesFound += foundCopy ? 1 : 0;
        } else {
          falseCopies += foundCopy ? 1 : 0;
        }
        boolean flagged =
            monitor
                .match(new ArticleText(doc.title(), doc.text(), doc.language(), null))
                .flags()
                .stream()
                .anyMatch(f -> f.topicId().equals("border-tensions"));
        if (article.borderTensions()) {
          border++;
          borderFlagged += flagged ? 1 : 0;
        } else {
          otherFlaggedBorder += flagged ? 1 : 0;
        }
      }
    }
    assertThat(words / articles).as("mean words per article").isBetween(400L, 900L);
    assertThat(html).as("HTML pages").isBetween(30, 100);
    assertThat(copies).as("copies").isBetween(130, 230);
    assertThat(copiesFound).as("copies found").isGreaterThanOrEqualTo(copies * 95 / 100);
    assertThat(falseCopies).as("distinct stories called copies").isZero();
    assertThat(border).as("border stories").isBetween(30, 100);
    assertThat(borderFlagged).as("border stories flagged").isEqualTo(border);
    assertThat(otherFlaggedBorder).as("other stories flagged border-tensions").isZero();
  }
}
