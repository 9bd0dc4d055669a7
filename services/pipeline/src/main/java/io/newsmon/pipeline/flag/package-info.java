/**
 * Topic flagging: analysts' stored queries matched against every unique article.
 *
 * <p>{@link io.newsmon.pipeline.flag.TopicMatcher} wraps Lucene's {@code monitor} module, the
 * stored-query engine built for media monitoring: queries are indexed once and a presearcher picks
 * the few that can match a document, so cost grows slowly with the number of topics. Each match
 * carries its evidence (matched terms and a marked snippet) from the monitor's highlights matcher.
 * A query that fails on a document is reported in {@link
 * io.newsmon.pipeline.flag.MatchResult#errors} while the other topics still match, following the
 * monitor's own collect-don't-throw design.
 *
 * <p>Topics are {@link io.newsmon.pipeline.flag.TopicDefinition} values loaded from a YAML catalog
 * ({@code newsmon/topics/starter-catalog.yaml} ships in the jar); queries use Lucene's classic
 * syntax over the fields {@code title} and {@code text}. Issue 5 adds the compacted catalog topic,
 * hot reload and country conditions.
 */
package io.newsmon.pipeline.flag;
