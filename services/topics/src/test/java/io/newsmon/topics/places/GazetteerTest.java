package io.newsmon.topics.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final Gazetteer gazetteer = Gazetteer.shipped();

  @Test
  void findsCountriesByNameDemonymAndCity() {
    PlaceMentions found =
        gazetteer.find(
            "Russian troops gathered near Ukraine's border, officials in Moscow and Kyiv said.");
    assertThat(found.countries()).containsExactlyInAnyOrder("RU", "UA");
    assertThat(found.places())
        .extracting(Place::name)
        .containsExactly("Russian", "Ukraine", "Moscow", "Kyiv");
    assertThat(found.neighbourPairs()).containsExactly("RU-UA");
  }

  @Test
  void mostMentionedCountryComesFirst() {
    PlaceMentions found = gazetteer.find("France said. Germany said. Berlin and Hamburg agreed.");
    assertThat(found.countries()).containsExactly("DE", "FR");
  }

  @Test
  void matchesProperNounsOnlyAndTheLongestName() {
    assertThat(gazetteer.find("We ate turkey and chad was there.").countries()).isEmpty();
    assertThat(gazetteer.find("Turkey and the U.S. met.").countries()).containsExactly("TR", "US");
    assertThat(gazetteer.find("South Korea and North Korea").countries())
        .containsExactly("KR", "KP");
    assertThat(gazetteer.find("the Democratic Republic of the Congo").countries())
        .containsExactly("CD");
  }

  @Test
  void knowsCountriesByCodeOrNameAndTheirLandNeighbours() {
    assertThat(gazetteer.country("ua")).contains("UA");
    assertThat(gazetteer.country("Ukraine")).contains("UA");
    assertThat(gazetteer.country("ukrainian")).contains("UA");
    assertThat(gazetteer.country("Narnia")).isEmpty();
    assertThat(gazetteer.neighbours("IN", "PK")).isTrue();
    assertThat(gazetteer.neighbours("RU", "US")).isFalse();
    assertThat(gazetteer.countryCodes()).hasSizeGreaterThan(240);
  }

  @Test
  void tokensKeepAbbreviationsAndDropPossessives() {
    assertThat(Gazetteer.tokens("the U.S. and Côte d’Ivoire's army, e.g. Rostov-na-Donu."))
        .containsExactly(
            "the", "U.S.", "and", "Côte", "d'Ivoire", "army", "e.g.", "Rostov-na-Donu");
  }
}
