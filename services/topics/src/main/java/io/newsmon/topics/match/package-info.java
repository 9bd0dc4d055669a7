/**
 * Matching articles against the running topics. {@link io.newsmon.topics.match.TopicMonitor} wraps
 * Lucene's {@code Monitor}: queries are indexed once and its presearcher selects the few that can
 * match an article, so cost grows slowly with the number of topics. Topics can be added, replaced
 * and removed while articles are matched. Each {@link io.newsmon.topics.match.TopicFlag} carries
 * its evidence (matched words, a marked snippet) from the monitor's highlights; a query failing on
 * one article is reported in {@link io.newsmon.topics.match.MatchResult#errors()} while the other
 * topics still match, the monitor's own collect-don't-throw design.
 */
package io.newsmon.topics.match;
