/**
 * Feeds in the service: {@code FeedDirectory} merges the operator's feeds file and the admin API's
 * feeds (stored in the compacted {@code ingest.feeds} by {@code KafkaFeedStore}) and tells the
 * scheduler; {@code FeedService} wires newsmon-feeds together and starts polling only once the
 * memory of seen entries is loaded; {@code FeedResource} is the admin API.
 *
 * <p>Several instances may run: each sees every API change through the topic, and they share the
 * seen-entries memory, so an entry both poll at the same moment may be published twice, with the
 * same article id (the dedup stage calls the second a copy). Give instances disjoint feeds files to
 * avoid even that.
 */
package io.newsmon.ingest.feeds;
