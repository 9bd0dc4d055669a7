package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.ArticleIds;
import io.newsmon.pipeline.PipelineConfig;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.dedup.Decision;
import io.newsmon.pipeline.dedup.Deduplicator;
import io.newsmon.pipeline.dedup.InMemoryDedupIndex;
import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scenarios' articles through the pipeline's own cleaner, deduplicator and starter catalog: the
 * counts the scenarios expect (stories unique, copies duplicates, border stories flagged) hold.
 */
class ScenarioArticlesTest {

  @Test
  void storiesAreUniqueCopiesAreDuplicatesAndBorderStoriesAreFlagged() throws Exception {
    List<ScenarioArticles.Article> articles =
        ScenarioArticles.generate(FaultScenario.SEED, FaultScenario.STORIES, 0.7, 4);
    assertThat(articles).hasSize(FaultScenario.STORIES + FaultScenario.STORIES / 4);

    ArticleCleaner cleaner = new ArticleCleaner();
    Deduplicator dedup =
        new Deduplicator(
            new InMemoryDedupIndex(),
            new PipelineConfig(Map.of()).getDouble(PipelineConfig.DEDUP_THRESHOLD));
    Map<Integer, String> originalIds = new HashMap<>();
    Set<String> ids = new HashSet<>();
    long sequence = 0;
    try (TopicMonitor monitor = TopicMonitor.of(Gazetteer.shipped(), TopicCatalogFile.starter())) {
      for (ScenarioArticles.Article article : articles) {
        String id = ArticleIds.ofPayload(article.bytes());
        assertThat(ids.add(id)).as("distinct id for %s", article.label()).isTrue();
        CleanedDocument doc =
            cleaner.clean(new RawDocument(article.bytes(), "text/plain", null, null));
        Decision decision = dedup.decide(id, doc.canonicalUrl(), doc.text(), sequence++);
        if (article.copy()) {
          assertThat(decision.duplicateOf())
              .as(article.label())
              .isEqualTo(originalIds.get(article.story()));
        } else {
          assertThat(decision.isDuplicate()).as(article.label() + ": " + decision).isFalse();
          originalIds.put(article.story(), id);
        }
        List<String> topics =
            monitor
                .match(new ArticleText(doc.title(), doc.text(), doc.language(), null))
                .flags()
                .stream()
                .map(TopicFlag::topicId)
                .toList();
        if (article.border()) {
          assertThat(topics).as(article.text()).contains(FaultScenario.TOPIC);
        } else {
          assertThat(topics).as(article.text()).doesNotContain(FaultScenario.TOPIC);
        }
      }
    }
    assertThat(articles.stream().filter(a -> a.border() && !a.copy()).count())
        .isBetween(150L, 190L);
  }
}
