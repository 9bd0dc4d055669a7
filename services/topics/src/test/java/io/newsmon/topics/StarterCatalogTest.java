package io.newsmon.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StarterCatalogTest {

  private static TopicMonitor monitor;

  @BeforeAll
  static void load() {
    monitor = TopicMonitor.of(Gazetteer.shipped(), TopicCatalogFile.starter());
  }

  @AfterAll
  static void close() {
    monitor.close();
  }

  @Test
  void shipsTheNineTopicsEachDescribedAndCoded() {
    List<TopicDefinition> topics = TopicCatalogFile.starter();
    assertThat(topics)
        .extracting(TopicDefinition::id)
        .contains(
            "border-tensions",
            "armed-conflict",
            "protests",
            "terrorism",
            "disasters",
            "diplomacy",
            "sanctions",
            "cyber-attacks",
            "elections");
    assertThat(topics)
        .allSatisfy(
            t -> {
              assertThat(t.description()).hasSizeGreaterThan(40);
              assertThat(t.codes()).isNotEmpty();
            });
    assertThat(monitor.topics()).hasSameSizeAs(topics);
  }

  @Test
  void borderTensionsIsAboutStatesAtTheirBorderNotTradeMigrationOrSport() {
    assertThat(
            flags(
                "India and China troops clash",
                "Indian and Chinese soldiers clashed along the disputed border in Ladakh,"
                    + " officials in New Delhi said."))
        .contains("border-tensions");
    assertThat(
            flags(
                "Cross-border trade grows",
                "Exporters said cross-border trade between Mexico and the U.S. rose 12 percent as"
                    + " customs officers at the border cleared lorries faster."))
        .doesNotContain("border-tensions");
    assertThat(
            flags(
                "Migrants at the border",
                "Hundreds of migrants waited at the border between Mexico and the U.S. as"
                    + " troops were deployed to help border agents."))
        .doesNotContain("border-tensions");
    assertThat(
            flags(
                "Derby preview",
                "France and Spain meet in the World Cup; fans crossed the border to the"
                    + " tournament."))
        .doesNotContain("border-tensions");
  }

  @Test
  void eachTopicFlagsAPlainCase() {
    assertThat(flags("Quake", "A strong earthquake killed at least 40 people in Turkey."))
        .contains("disasters");
    assertThat(
            flags(
                "Foreign ministers of France and Germany meet",
                "The foreign ministers of France and Germany met for talks in Paris."))
        .contains("diplomacy");
    assertThat(flags("Vote", "Voters in Kenya went to the polls in a presidential election."))
        .contains("elections");
    assertThat(
            flags(
                "Hack",
                "Hackers linked to a ransomware gang hacked the hospital's systems on Monday."))
        .contains("cyber-attacks");
    assertThat(
            flags(
                "Sanctions",
                "The European Union imposed new sanctions on Iran's oil exports on Friday."))
        .contains("sanctions");
    assertThat(
            flags(
                "Rally",
                "Thousands of protesters marched through the capital against the new law."))
        .contains("protests");
    assertThat(
            flags(
                "Bomb", "A suicide bomber killed 12 people at a market; Islamic State claimed it."))
        .contains("terrorism");
    assertThat(
            flags(
                "Offensive",
                "Government troops launched an offensive against rebels; dozens were killed in"
                    + " the fighting."))
        .contains("armed-conflict");
  }

  private static List<String> flags(String title, String body) {
    return monitor.match(new ArticleText(title, body, "en", null)).flags().stream()
        .map(TopicFlag::topicId)
        .toList();
  }
}
