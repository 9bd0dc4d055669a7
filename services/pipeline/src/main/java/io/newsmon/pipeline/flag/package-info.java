/**
 * The {@code flag} stage: every unique article is matched against the running topics, held by the
 * {@link io.newsmon.topics.match.TopicMonitor} of the {@code newsmon-topics} module (Lucene's
 * stored-query monitor, the query language, the gazetteer). Flagged articles go to {@code
 * news.flagged} with all their flags and the places they mention, and to one stream per topic
 * ({@code news.topic.<id>}) with that topic's flag only.
 *
 * <p>A query that fails on an article is logged and counted ({@code queryErrors} in the pipeline's
 * health) while the other topics still flag it, following the monitor's own collect-don't-throw
 * design.
 */
package io.newsmon.pipeline.flag;
