package io.newsmon.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicDefinitionTest {

  @Test
  void definitionsAreValidated() {
    assertThatThrownBy(() -> TopicDefinition.of("Border Tensions", "x"))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> TopicDefinition.of("a", " ")).hasMessageContaining("empty query");
    assertThatThrownBy(() -> new TopicDefinition("a", null, null, "x", null, 2, true, 1, null))
        .hasMessageContaining("minScore");
    assertThatThrownBy(() -> new TopicDefinition("a", null, null, "x", null, 0, true, 0, null))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> new TopicFilters(null, null, List.of("Russia")))
        .hasMessageContaining("alpha-2");
  }

  @Test
  void filtersAdmitByLanguageSourceAndMentionedCountry() {
    TopicFilters filters = new TopicFilters(List.of("EN"), List.of("wire"), List.of("ua"));
    assertThat(filters.admits("en", "wire", Set.of("UA", "RU"))).isTrue();
    assertThat(filters.admits("fr", "wire", Set.of("UA"))).isFalse();
    assertThat(filters.admits("en", "blog", Set.of("UA"))).isFalse();
    assertThat(filters.admits("en", "wire", Set.of("RU"))).isFalse();
    assertThat(TopicFilters.NONE.admits(null, null, Set.of())).isTrue();
  }

  @Test
  void survivesTheWireFormat() {
    TopicDefinition topic =
        new TopicDefinition(
            "t",
            "T",
            "d",
            "border",
            new TopicFilters(List.of("en"), List.of(), List.of("UA")),
            0.2,
            true,
            3,
            java.util.Map.of("cameo", List.of("15")));
    assertThat(
            TopicDefinitionWire.fromWire(
                TopicDefinitionWire.toWire(topic, java.time.Instant.EPOCH)))
        .isEqualTo(topic);
  }

  @Test
  void catalogFilesLeaveOutWhatHasADefault() throws Exception {
    List<TopicDefinition> topics =
        TopicCatalogFile.parse(
            new java.io.ByteArrayInputStream(
                "topics:\n  - id: a\n    query: border\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "test");
    assertThat(topics)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.enabled()).isTrue();
              assertThat(t.version()).isEqualTo(1);
              assertThat(t.minScore()).isZero();
            });
    assertThatThrownBy(
            () ->
                TopicCatalogFile.parse(
                    new java.io.ByteArrayInputStream(
                        "topics:\n  - id: a\n    query: x\n    enabeld: true\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "test"))
        .hasMessageContaining("enabeld");
  }
}
