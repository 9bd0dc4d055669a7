package io.newsmon.topics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The starter catalog on 485 labelled real articles (deploy/topics-eval): a regression gate on the
 * figures in docs/topics.md. The articles belong to their publishers and are built locally by
 * {@code deploy/topics-eval/build.sh} into ../shared/data/topics-eval; without them the test is
 * skipped.
 */
class StarterCatalogQualityTest {

  private static final Path HOME = Path.of(System.getProperty("newsmon.home", "../.."));
  private static final Path ARTICLES =
      HOME.resolve("../shared/data/topics-eval/articles.jsonl").normalize();
  private static final Path LABELS = HOME.resolve("deploy/topics-eval/labels.jsonl");

  @Test
  void precisionAndRecallOnLabelledRealNews() throws Exception {
    assumeTrue(Files.isRegularFile(ARTICLES), "labelled corpus not built: " + ARTICLES);
    List<LabelledArticle> corpus = CatalogEvaluation.read(ARTICLES, LABELS);
    try (TopicMonitor monitor = TopicMonitor.of(Gazetteer.shipped(), TopicCatalogFile.starter())) {
      Map<String, TopicScore> scores = CatalogEvaluation.score(monitor, corpus);
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (TopicScore s : scores.values()) {
        tp += s.truePositives();
        fp += s.falsePositives();
        fn += s.falseNegatives();
        System.out.printf(
            "%s: labelled %d, precision %.2f, recall %.2f%n",
            s.topicId(), s.labelled(), s.precision(), s.recall());
      }
      double precision = tp / (double) (tp + fp);
      double recall = tp / (double) (tp + fn);
      System.out.printf("micro-averaged: precision %.2f, recall %.2f%n", precision, recall);
      assertThat(corpus).hasSizeGreaterThanOrEqualTo(480);
      assertThat(precision).isGreaterThanOrEqualTo(0.55);
      assertThat(recall).isGreaterThanOrEqualTo(0.70);
      assertThat(scores.get("border-tensions").falseNegativeIds())
          .as("the seed pair is the canonical border-tensions case")
          .doesNotContain("seed-000", "seed-001");
    }
  }
}
