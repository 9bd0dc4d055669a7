/**
 * Places an article mentions. {@link io.newsmon.topics.places.Gazetteer} matches country names,
 * demonyms and major cities from the gazetteer newsmon ships (generated from world-countries and
 * GeoNames by {@code deploy/gazetteer}) and knows which countries share a land border, which is
 * what {@code neighbours:} queries and the border-tensions topic rely on.
 *
 * <p>Matching is by whole tokens, case-sensitive, longest name first, with a hash of first tokens:
 * a dozen lines instead of a dictionary name finder that would try every span length at every
 * token.
 */
package io.newsmon.topics.places;
