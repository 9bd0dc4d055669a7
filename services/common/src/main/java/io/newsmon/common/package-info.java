/**
 * What every newsmon process shares: the topic catalog, topic provisioning, and configuration read
 * from the environment.
 *
 * <p>{@link io.newsmon.common.TopicCatalog} is the single place a topic name is written. Services,
 * the launcher and tests all refer to its constants, so renaming or re-partitioning a topic is one
 * change, and {@link io.newsmon.common.TopicProvisioner} creates exactly what the catalog says
 * (partitions, cleanup policy, retention) on the local broker or on an external cluster.
 */
package io.newsmon.common;
