package io.newsmon.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

  private static final AlertFilter.Article UKRAINIAN_OUTLET =
      new AlertFilter.Article("kyiv-independent", "en", List.of("UA", "RU"));

  @Test
  void emptyListsDoNotRestrict() {
    AlertFilter filter = AlertFilter.of(Set.of("border-tensions"), 0.5);
    assertThat(filter.matches("border-tensions", 0.5, UKRAINIAN_OUTLET)).isTrue();
    assertThat(filter.matches("border-tensions", 0.49, UKRAINIAN_OUTLET)).isFalse();
    assertThat(filter.matches("protests", 0.9, UKRAINIAN_OUTLET)).isFalse();
  }

  @Test
  void languagesCountriesAndSourcesEachRestrict() {
    AlertFilter filter =
        new AlertFilter(
            Set.of("border-tensions"),
            0,
            Set.of("en", "uk"),
            Set.of("ua"),
            Set.of("kyiv-independent"));
    assertThat(filter.countries()).containsExactly("UA"); // codes are normalised
    assertThat(filter.matches("border-tensions", 1, UKRAINIAN_OUTLET)).isTrue();
    assertThat(
            filter.matches(
                "border-tensions",
                1,
                new AlertFilter.Article("kyiv-independent", "ru", List.of("UA"))))
        .as("language")
        .isFalse();
    assertThat(
            filter.matches(
                "border-tensions",
                1,
                new AlertFilter.Article("kyiv-independent", "en", List.of("PL"))))
        .as("country")
        .isFalse();
    assertThat(
            filter.matches(
                "border-tensions", 1, new AlertFilter.Article("tass", "en", List.of("UA"))))
        .as("source")
        .isFalse();
  }

  @Test
  void anArticleOfUnknownLanguageOrWithoutCountriesMatchesNoSuchFilter() {
    AlertFilter byLanguage = new AlertFilter(Set.of("t"), 0, Set.of("en"), Set.of(), Set.of());
    AlertFilter byCountry = new AlertFilter(Set.of("t"), 0, Set.of(), Set.of("UA"), Set.of());
    AlertFilter.Article unknown = new AlertFilter.Article("s", null, null);
    assertThat(byLanguage.matches("t", 1, unknown)).isFalse();
    assertThat(byCountry.matches("t", 1, unknown)).isFalse();
  }

  @Test
  void invalidValuesAreRefusedWithTheFieldName() {
    assertThatThrownBy(() -> new AlertFilter(Set.of("t"), 0, Set.of("eng"), Set.of(), Set.of()))
        .hasMessageContaining("languages must be ISO 639-1");
    assertThatThrownBy(() -> new AlertFilter(Set.of("t"), 0, Set.of(), Set.of("UKR"), Set.of()))
        .hasMessageContaining("countries must be ISO 3166-1 alpha-2");
    assertThatThrownBy(() -> new AlertFilter(Set.of("t"), 0, Set.of(), Set.of(), Set.of("a b")))
        .hasMessageContaining("sources");
    assertThatThrownBy(() -> AlertFilter.of(Set.of(), 0)).hasMessageContaining("topicIds");
    assertThatThrownBy(() -> AlertFilter.of(Set.of("Not_Kebab"), 0))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> AlertFilter.of(Set.of("t"), 1.5)).hasMessageContaining("minScore");
  }
}
