/**
 * A real single-node Kafka (KRaft, combined broker and controller) started from Kafka's own jars.
 *
 * <p>No Docker engine exists on the machines newsmon is developed and tested on, so the project
 * carries its own broker: {@link io.newsmon.kafka.LocalKafka} formats a data directory, starts
 * {@code kafka.server.KafkaRaftServer} in the current JVM and provisions the topic catalog. The
 * same class backs {@code ./newsmon up} (as its own process, through {@link
 * io.newsmon.kafka.LocalKafkaMain}), the demo and every integration test, so tests exercise the
 * broker users run. Ports are chosen free at start unless fixed, so parallel runs never collide.
 */
package io.newsmon.kafka;
