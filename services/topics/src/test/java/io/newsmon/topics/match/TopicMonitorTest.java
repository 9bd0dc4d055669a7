package io.newsmon.topics.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.TopicFilters;
import io.newsmon.topics.places.Gazetteer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicMonitorTest {

  private static final ArticleText BUILD_UP =
      new ArticleText(
          "Troops mass near the frontier",
          "Russian forces were seen massing close to the Ukrainian border on Tuesday, while"
              + " Kyiv announced a partial mobilization of reservists.",
          "en",
          "wire");

  private final TopicMonitor monitor = new TopicMonitor(Gazetteer.shipped());

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void flagsWithScoreMatchedWordsSnippetAndPlaces() {
    monitor.put(TopicDefinition.of("build-up", "(troops OR forces) NEAR/8 border"));

    MatchResult result = monitor.match(BUILD_UP);

    assertThat(result.flags())
        .singleElement()
        .satisfies(
            flag -> {
              assertThat(flag.topicId()).isEqualTo("build-up");
              assertThat(flag.score()).isBetween(0.3, 1.0);
              assertThat(flag.matched()).contains("forces", "border");
              assertThat(flag.snippet()).contains("<<forces>>").contains("<<border>>");
            });
    assertThat(result.places().countries()).containsExactlyInAnyOrder("RU", "UA");
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void nearMeansWithinThatManyWords() {
    monitor.put(TopicDefinition.of("close", "massing NEAR/4 border"));
    monitor.put(TopicDefinition.of("far", "troops NEAR/2 reservists"));
    assertThat(monitor.match(BUILD_UP).flags())
        .extracting(TopicFlag::topicId)
        .containsExactly("close");
  }

  @Test
  void wildcardsMatchWordsTheStemmerWouldCut() {
    // Porter stems "mobilization" to "mobil"; the written form is indexed too.
    monitor.put(TopicDefinition.of("mobilisation", "mobiliz* OR mobilis*"));
    assertThat(monitor.match(BUILD_UP).flags())
        .extracting(TopicFlag::topicId)
        .containsExactly("mobilisation");
  }

  @Test
  void stemmingMatchesOtherFormsOfAWord() {
    monitor.put(TopicDefinition.of("mass", "\"troop mass\" OR \"force mass\"~1"));
    assertThat(monitor.match(BUILD_UP).flags()).hasSize(1);
  }

  @Test
  void countryConditionsAndNeighbours() {
    monitor.put(TopicDefinition.of("ru-ua", "country:RU AND country:Ukraine AND border"));
    monitor.put(TopicDefinition.of("neighbours", "neighbours:any AND border"));
    monitor.put(TopicDefinition.of("pair", "neighbours:UA-RU"));
    monitor.put(TopicDefinition.of("elsewhere", "country:FR AND border"));
    monitor.put(TopicDefinition.of("two", "countries:2 AND border"));
    monitor.put(TopicDefinition.of("three", "countries:3 AND border"));
    assertThat(monitor.match(BUILD_UP).flags())
        .extracting(TopicFlag::topicId)
        .containsExactlyInAnyOrder("ru-ua", "neighbours", "pair", "two");
  }

  @Test
  void filtersOnLanguageSourceAndCountry() {
    monitor.put(topic("english", new TopicFilters(List.of("en"), null, null)));
    monitor.put(topic("french", new TopicFilters(List.of("fr"), null, null)));
    monitor.put(topic("wire-only", new TopicFilters(null, List.of("wire"), null)));
    monitor.put(topic("about-india", new TopicFilters(null, null, List.of("IN"))));
    assertThat(monitor.match(BUILD_UP).flags())
        .extracting(TopicFlag::topicId)
        .containsExactlyInAnyOrder("english", "wire-only");
  }

  @Test
  void changesApplyWhileRunningAndABadVersionKeepsTheGoodOne() {
    monitor.put(TopicDefinition.of("t", "border"));
    assertThat(monitor.match(BUILD_UP).flags()).hasSize(1);

    var problems =
        monitor.put(new TopicDefinition("t", null, null, "*order", null, 0, true, 2, null));
    assertThat(problems).isNotEmpty();
    assertThat(monitor.topic("t").orElseThrow().version()).isEqualTo(1);
    assertThat(monitor.match(BUILD_UP).flags()).hasSize(1);

    monitor.put(new TopicDefinition("t", null, null, "football", null, 0, true, 3, null));
    assertThat(monitor.match(BUILD_UP).flags()).isEmpty();

    monitor.put(new TopicDefinition("t", null, null, "border", null, 0, false, 4, null));
    assertThat(monitor.topics()).isEmpty();
    monitor.put(TopicDefinition.of("u", "border"));
    monitor.remove("u");
    assertThat(monitor.match(BUILD_UP).flags()).isEmpty();
  }

  @Test
  void aQueryThatFailsOnAnArticleDoesNotStopTheOthers() {
    // More distinct words under the prefix than a proximity wildcard may expand to.
    String many =
        IntStream.range(0, 300).mapToObj(i -> "zed" + i + "x").collect(Collectors.joining(" "));
    monitor.put(TopicDefinition.of("expands", "zed* NEAR/3 border"));
    monitor.put(TopicDefinition.of("plain", "border"));

    MatchResult result = monitor.match(new ArticleText("", many + " border", null, null));

    assertThat(result.flags()).extracting(TopicFlag::topicId).containsExactly("plain");
    assertThat(result.errors()).containsKey("expands");
  }

  @Test
  void minimumScoreDropsWeakFlags() {
    monitor.put(new TopicDefinition("strict", null, null, "border", null, 0.9, true, 1, null));
    assertThat(monitor.match(BUILD_UP).flags()).isEmpty();
  }

  @Test
  void aCatalogWithAnInvalidTopicIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                TopicMonitor.of(
                    Gazetteer.shipped(),
                    List.of(TopicDefinition.of("ok", "border"), TopicDefinition.of("bad", "*x"))))
        .hasMessageContaining("bad");
  }

  private static TopicDefinition topic(String id, TopicFilters filters) {
    return new TopicDefinition(id, null, null, "border", filters, 0, true, 1, null);
  }
}
