package io.newsmon.pipeline.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.pipeline.SeedArticles;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

  private final TopicMatcher matcher = new TopicMatcher(TopicCatalogFile.starter());

  @AfterEach
  void close() throws Exception {
    matcher.close();
  }

  @Test
  void seedArticleIsFlaggedBorderTensionsWithEvidence() {
    CleanedDocument doc =
        new ArticleCleaner()
            .clean(
                new RawDocument(
                    SeedArticles.bytes(SeedArticles.SCRAPED), "text/plain", null, null));
    MatchResult result = matcher.match(doc.title(), doc.text());

    assertThat(result.errors()).isEmpty();
    assertThat(result.flags())
        .extracting(TopicFlagResult::topicId)
        .containsExactly("border-tensions");
    TopicFlagResult flag = result.flags().get(0);
    assertThat(flag.score()).isBetween(0.0, 1.0);
    // Proximity queries highlight the whole passage between the matched words.
    assertThat(flag.matchedTerms()).contains("troops near its border", "amassing its forces");
    assertThat(flag.snippet()).contains("<<").contains(">>");
  }

  @Test
  void crossBorderTradeAndSportAreNotBorderTensions() {
    assertThat(
            matcher
                .match(
                    "Cross-border trade grows",
                    "Exporters said cross-border trade between the two countries rose by 12 percent, "
                        + "as customs officers at the border cleared lorries faster.")
                .flags())
        .isEmpty();
    assertThat(
            matcher
                .match(
                    "Derby preview",
                    "The football team's forces on the border of the penalty area troubled the defence; "
                        + "troops of fans travelled to the tournament.")
                .flags())
        .isEmpty();
  }

  @Test
  void queryThatDoesNotParseIsRefusedNamingTheTopic() {
    TopicDefinition broken =
        new TopicDefinition("broken", "Broken", "", "border AND (", 0, true, 1, Map.of());
    assertThatThrownBy(() -> new TopicMatcher(List.of(broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken");
  }

  @Test
  void definitionsAreValidated() {
    assertThatThrownBy(
            () -> new TopicDefinition("Border Tensions", null, null, "x", 0, true, 1, null))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> new TopicDefinition("a", null, null, " ", 0, true, 1, null))
        .hasMessageContaining("empty query");
    assertThatThrownBy(() -> new TopicDefinition("a", null, null, "x", 2, true, 1, null))
        .hasMessageContaining("minScore");
  }

  @Test
  void disabledTopicsNeverMatch() {
    TopicDefinition off = new TopicDefinition("off", null, null, "border", 0, false, 1, null);
    try (TopicMatcher m = new TopicMatcher(List.of(off))) {
      assertThat(m.match("border", "border border").flags()).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
