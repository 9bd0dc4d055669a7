/**
 * The alert service's Kafka plumbing: its input records decoded with the shared Avro serde, and
 * what cannot be decoded dead-lettered ({@link io.newsmon.alerts.kafka.InputDeadLetters}); topic
 * names fed from the catalog into the messaging configuration. Compacted topics are read with
 * {@link io.newsmon.common.CompactedTopicView}, shared with the pipeline. Every client the service
 * makes itself connects with the one {@link io.newsmon.common.KafkaConnection} of {@link
 * io.newsmon.alerts.kafka.KafkaConnectionBeans}, secured by the global {@code kafka.*} settings the
 * channels use ({@code NEWSMON_SASL_*} and the like reach them through {@link
 * io.newsmon.common.NewsmonKafkaSecurityConfigSource}).
 */
package io.newsmon.alerts.kafka;
