package io.newsmon.topics.places;

import java.util.Objects;

/**
 * A name in the gazetteer: a country (by any of its names or demonyms) or a major city.
 *
 * @param kind what the name names
 * @param country ISO 3166-1 alpha-2 code of the country, or of the country the city is in
 * @param name the name as the gazetteer spells it
 */
public record Place(Kind kind, String country, String name) {

  public enum Kind {
    COUNTRY,
    CITY
  }

  public Place {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(name, "name");
  }
}
