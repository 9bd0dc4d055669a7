/**
 * newsmon's query language. {@link io.newsmon.topics.query.TopicQueryParser} reads the syntax
 * (Boolean operators, phrases, {@code NEAR/n}, wildcards, field scope, conditions on mentioned
 * countries) into a {@link io.newsmon.topics.query.QueryNode} tree and builds Lucene queries from
 * it with Lucene's own builders. Problems are collected, not thrown one at a time: {@link
 * io.newsmon.topics.query.QueryProblem} says what, where and how to write it instead, and a query
 * the engine cannot evaluate reliably is refused rather than stored to match nothing.
 *
 * <p>{@link io.newsmon.topics.query.TopicAnalyzer} is the single analysis for article text and
 * query words alike, so the two can never drift apart.
 */
package io.newsmon.topics.query;
