/**
 * The ingest service: where news enters newsmon from outside. Feeds are polled on their intervals
 * ({@code feeds}: a file and an admin API, the polling itself in the plain newsmon-feeds module)
 * and articles are taken over HTTP ({@code articles}); both are published to {@code news.raw}
 * through one idempotent producer with a trace id per article.
 *
 * <p>Design: every decision lives in a plain class a unit test can drive without Quarkus ({@code
 * ArticleSubmissions}, {@code FeedDirectory}, and newsmon-feeds' {@code FeedScheduler} and {@code
 * FeedPoller}); the Quarkus classes only wire them to HTTP, configuration and metrics. A feed entry
 * is remembered as seen (in Kafka) only after {@code news.raw} acknowledged its article, so a crash
 * between the two publishes it again (same article id: the dedup stage calls it a copy) rather than
 * losing it.
 */
package io.newsmon.ingest;
