/**
 * The alert service's Kafka plumbing: the shared Avro serde exposed as named deserializer classes,
 * and topic names fed from the catalog into the messaging configuration. Compacted topics are read
 * with {@link io.newsmon.common.CompactedTopicView}, shared with the pipeline.
 */
package io.newsmon.alerts.kafka;
