/**
 * Articles taken over HTTP. {@code ArticleSubmissions} decides (size, media type, JSON record
 * shape, URL, source id, the stable article id) without Quarkus; {@code ArticleResource} moves
 * bytes and answers only after Kafka acknowledged, so an accepted article is never lost and a
 * client retrying after a timeout publishes the same id again (the dedup stage calls it a copy).
 */
package io.newsmon.ingest.articles;
