/**
 * The newsmon pipeline: a Kafka Streams application that cleans, deduplicates and flags articles.
 *
 * <pre>
 *   news.raw ──clean──▶ news.clean ──dedup──┬─▶ news.unique ──flag──▶ news.flagged
 *      │                                    └─▶ news.duplicates
 *      └─ (any stage, bad input) ──────────────▶ news.dead-letter
 * </pre>
 *
 * <p>{@link io.newsmon.pipeline.PipelineTopology#build} is a pure function from settings to a
 * {@link org.apache.kafka.streams.Topology}; {@link io.newsmon.pipeline.PipelineMain} owns the
 * lifecycle. Every source, processor, sink and store is named, so the topology description, metrics
 * and internal topic names stay stable across versions. Stages with logic are small processors over
 * plain domain classes ({@code clean}, {@code dedup}, {@code flag} packages), which are tested
 * without Kafka. Records that cannot be processed go to {@code news.dead-letter} through Kafka
 * Streams' own exception handlers (KIP-1033/1034) with the reason in headers.
 */
package io.newsmon.pipeline;
