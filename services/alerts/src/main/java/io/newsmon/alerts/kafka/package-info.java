/**
 * The alert service's Kafka plumbing: the shared Avro serde exposed as named deserializer classes,
 * topic names fed from the catalog into the messaging configuration, and {@link
 * io.newsmon.alerts.kafka.CompactedTopicView}, which gives every instance the full, live content of
 * a compacted topic.
 */
package io.newsmon.alerts.kafka;
