/**
 * Topic volume and spikes: how many articles each topic gets per hour, and when a topic surges well
 * above its usual level ("border-tensions: 42 articles in the last hour, 6× the usual").
 *
 * <p>Design: a sub-topology of its own reads {@code news.flagged} (what other teams see flagged is
 * what is counted), one record per flag, repartitioned by topic id so one task holds all of a
 * topic's counts. {@code TopicVolumeProcessor} keeps 10-minute buckets of record time in a state
 * store (so a sliding last hour is six buckets, and replayed timelines give the same answers as
 * live ones) and judges every article, and every 10 minutes of stream time, with {@code SpikeRule}:
 * a plain, validated value whose sensitivity (ratio, minimum articles, baseline days) is the
 * pipeline's configuration. A spike is reported once when it starts and once when the hour falls
 * below half the threshold, not on every article of the surge. A topic needs a day of history
 * before it can spike; a topic usually silent is compared with half an article an hour.
 *
 * <p>Why not a windowed aggregation: the baseline is the previous days' mean, which a windowed
 * count would have to re-read from its own store anyway; one processor over one key-value store of
 * buckets says it directly and keeps both the hour and the baseline in one range scan each.
 */
package io.newsmon.pipeline.volume;
