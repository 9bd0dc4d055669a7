/**
 * Cleaning: from the bytes a producer published to an article's title, main text and metadata.
 *
 * <p>{@link io.newsmon.pipeline.clean.ArticleCleaner} is a plain function with no Kafka in it:
 * decode the bytes, turn HTML, Markdown or plain text into paragraphs, drop boilerplate, read
 * metadata. Input it cannot turn into an article (binary data, empty bodies, pages without text) is
 * refused with a {@link io.newsmon.pipeline.clean.RejectedArticleException} naming the reason; the
 * topology lets Kafka Streams' processing-exception handler send it to the dead-letter topic.
 *
 * <p>This first version handles the walking-skeleton inputs (scraped text and Markdown copies, plus
 * simple HTML); the extraction-quality work of issue 3 replaces {@link
 * io.newsmon.pipeline.clean.Boilerplate} and {@link io.newsmon.pipeline.clean.HtmlText}.
 */
package io.newsmon.pipeline.clean;
