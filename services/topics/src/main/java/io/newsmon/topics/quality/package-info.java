/**
 * How well topics flag real news: {@link io.newsmon.topics.quality.CatalogEvaluation} scores each
 * topic's precision and recall against articles people labelled, the figures reported in {@code
 * docs/topics.md}.
 */
package io.newsmon.topics.quality;
