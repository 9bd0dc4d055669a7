/**
 * Deduplication: one story, one alert.
 *
 * <p>{@link io.newsmon.pipeline.dedup.Deduplicator} decides, for each clean article in arrival
 * order, whether it is the first of its story or a copy of an earlier article: the same canonical
 * URL, the same normalised text, or a near-duplicate found by MinHash with LSH banding over word
 * 3-shingles of {@link io.newsmon.pipeline.text.TextNormalizer#tokens spelling keys}, verified by
 * an independent SimHash before any merge. Signatures come from hash4j's SuperMinHash and
 * FastSimHash, maintained implementations with compact signatures and unbiased estimates.
 *
 * <p>The decision logic sees only the {@link io.newsmon.pipeline.dedup.DedupIndex} interface: the
 * topology backs it with changelogged Kafka Streams state stores plus the in-memory {@link
 * io.newsmon.pipeline.dedup.LshIndex} ({@link io.newsmon.pipeline.dedup.StoreDedupIndex}); tests
 * and the command line with maps ({@link io.newsmon.pipeline.dedup.InMemoryDedupIndex}). Every
 * decision names its method, similarity and the article it matched, so a wrong merge can be traced.
 */
package io.newsmon.pipeline.dedup;
