package io.newsmon.topics.places;

import java.util.List;
import java.util.Set;

/**
 * The places a text mentions.
 *
 * @param countries ISO codes of the countries mentioned directly or through one of their cities,
 *     most mentioned first (ties in order of first mention)
 * @param places the distinct names found, in order of first mention
 * @param neighbourPairs pairs of mentioned countries that share a land border, as {@code AA-BB}
 *     with the codes in alphabetical order
 */
public record PlaceMentions(
    List<String> countries, List<Place> places, Set<String> neighbourPairs) {

  public static final PlaceMentions NONE = new PlaceMentions(List.of(), List.of(), Set.of());

  public PlaceMentions {
    countries = List.copyOf(countries);
    places = List.copyOf(places);
    neighbourPairs = Set.copyOf(neighbourPairs);
  }
}
