/**
 * Reading news feeds, without a framework, so every rule is testable on its own.
 *
 * <p>{@link io.newsmon.feeds.FeedFetcher} fetches a URL the way a polite crawler does: conditional
 * GET with the validators of the last fetch, gzip, redirects, an honest User-Agent, bounded time
 * and size, and a {@link io.newsmon.feeds.FeedFetcher.Result} instead of exceptions, which says
 * whether a failure may heal (timeouts, 5xx, 429 with its {@code Retry-After}) or not (404, 410).
 * {@link io.newsmon.feeds.FeedParser} reads RSS 0.9x/1.0/2.0 and Atom through ROME, with external
 * entities off, and turns what it reads into {@link io.newsmon.feeds.FeedEntry} values with
 * absolute links, a stable entry id (GUID, else link, else a content hash) given once per document,
 * and a date when the feed has one.
 *
 * <p>{@link io.newsmon.feeds.HostPoliteness} and {@link io.newsmon.feeds.RobotsPolicy} say when and
 * whether a URL may be fetched; {@link io.newsmon.feeds.FeedPoller} puts them together for one poll
 * of one feed, behind two small interfaces for what the service keeps in Kafka (the entries seen,
 * and the articles published). When each feed is due belongs to that service (issue 7).
 */
package io.newsmon.feeds;
