/**
 * The topic catalog at run time: {@link io.newsmon.pipeline.catalog.TopicCatalogFollower} follows
 * the compacted {@code news.topic-definitions} topic and applies every change to the instance's
 * {@link io.newsmon.topics.match.TopicMonitor} while the streams run, creating each topic's stream
 * before the topic starts matching; {@link io.newsmon.pipeline.catalog.TopicCatalogSeeder} fills an
 * empty catalog from a file.
 *
 * <p>Every instance reads the whole topic, so all instances flag with the same definitions within
 * about a second of a change (eventual consistency: an article being matched during the change is
 * matched with the old or the new version, never a mix, since the monitor swaps a query
 * atomically). The pipeline starts flagging only after the catalog present at start is applied.
 */
package io.newsmon.pipeline.catalog;
