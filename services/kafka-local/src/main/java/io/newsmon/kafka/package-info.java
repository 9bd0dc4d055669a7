/**
 * A real Kafka (KRaft, combined broker and controller nodes) started from Kafka's own jars: one
 * node, or a local cluster of node processes.
 *
 * <p>No Docker engine exists on the machines newsmon is developed and tested on, so the project
 * carries its own broker: {@link io.newsmon.kafka.LocalKafka} formats a data directory, starts
 * {@code kafka.server.KafkaRaftServer} in the current JVM and provisions the topic catalog. The
 * same class backs {@code ./newsmon up} (as its own process, through {@link
 * io.newsmon.kafka.LocalKafkaMain}), the demo and every integration test, so tests exercise the
 * broker users run. Ports are chosen free at start unless fixed, so parallel runs never collide. A
 * node can also admit a single SASL/PLAIN user instead of anyone ({@link
 * io.newsmon.kafka.LocalKafka#startWithSaslPlain}), for tests that clients authenticate, or serve
 * TLS and admit a single SCRAM-SHA-512 user as newsmon's Kubernetes deployment does ({@link
 * io.newsmon.kafka.LocalKafka#startWithSaslScramOverTls}, certificates made by the JDK's keytool in
 * {@link io.newsmon.kafka.TlsStores}).
 *
 * <p>{@link io.newsmon.kafka.LocalKafkaCluster} runs N such nodes, each its own process, as one
 * replicated cluster (RF 3, min.insync.replicas 2 with three), so tests can kill single brokers and
 * prove that faults lose no acknowledged record.
 */
package io.newsmon.kafka;
