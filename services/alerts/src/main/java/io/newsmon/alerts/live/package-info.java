/**
 * Live streams: flagged articles pushed to dashboards as Server-Sent Events.
 *
 * <p>{@link io.newsmon.alerts.live.LiveArticles} is the plain hub: listeners register the topics
 * they want and get each matching article, reduced to those topics' flags. {@link
 * io.newsmon.alerts.live.FlaggedFollower} feeds it from {@code news.flagged}, reading every
 * partition without a consumer group, so a dashboard connected to any instance sees every article
 * (the alerting consumer group, by contrast, splits partitions between instances). A live stream is
 * a view, not a delivery: it starts at the newest article, and a client that cannot keep up loses
 * events rather than slowing anyone down; webhooks are the way to get every alert.
 */
package io.newsmon.alerts.live;
