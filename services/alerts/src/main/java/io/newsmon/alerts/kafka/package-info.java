/**
 * The alert service's Kafka plumbing: its input records decoded with the shared Avro serde, and
 * what cannot be decoded dead-lettered ({@link io.newsmon.alerts.kafka.InputDeadLetters}); topic
 * names fed from the catalog into the messaging configuration. Compacted topics are read with
 * {@link io.newsmon.common.CompactedTopicView}, shared with the pipeline.
 */
package io.newsmon.alerts.kafka;
