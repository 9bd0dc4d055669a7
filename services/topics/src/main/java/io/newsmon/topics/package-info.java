/**
 * Topics: what analysts watch. A {@link io.newsmon.topics.TopicDefinition} is an immutable,
 * validated value (id, query, filters, minimum score, version, classification codes); catalogs of
 * them are read from YAML or JSON by {@link io.newsmon.topics.TopicCatalogFile} and travel on
 * {@code news.topic-definitions} in the Avro form of {@link io.newsmon.topics.TopicDefinitionWire}.
 *
 * <p>Sub-packages: {@code query} (the query language and its analysis), {@code places} (the
 * gazetteer), {@code match} (the Lucene monitor that matches articles), {@code quality} (precision
 * and recall on labelled articles). The module is shared by the pipeline, the alert service's admin
 * API and the command line, so a query is validated by the same code that runs it.
 */
package io.newsmon.topics;
