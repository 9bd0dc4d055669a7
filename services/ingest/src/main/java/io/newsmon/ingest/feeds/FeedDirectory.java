package io.newsmon.ingest.feeds;

import io.newsmon.feeds.FeedList;
import io.newsmon.feeds.FeedScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The feeds this service polls: those of the feeds file and those added through the admin API (kept
 * in {@code ingest.feeds}), handed to the scheduler once {@link #start} says polling may begin
 * (after the memory of seen entries is loaded: polling earlier would publish entries again).
 *
 * <p>The file is the operator's: a feed it defines cannot be changed or removed through the API,
 * and wins over an API feed of the same id.
 */
public final class FeedDirectory {

  /** Where a feed was defined. */
  public enum Origin {
    FILE,
    API
  }

  /** A feed and where it came from. */
  public record Entry(FeedList.Feed feed, Origin origin, Instant updatedAt, String updatedBy) {
    public Entry {
      Objects.requireNonNull(feed, "feed");
      Objects.requireNonNull(origin, "origin");
    }
  }

  private final Map<String, Entry> fromFile = new LinkedHashMap<>();
  private final Map<String, Entry> fromApi = new LinkedHashMap<>();
  private final List<String> fileProblems;
  private final FeedScheduler scheduler;
  private boolean started;

  public FeedDirectory(FeedList.Loaded file, Instant loadedAt, FeedScheduler scheduler) {
    for (FeedList.Feed feed : file.feeds()) {
      fromFile.put(feed.id(), new Entry(feed, Origin.FILE, loadedAt, null));
    }
    this.fileProblems = file.problems();
    this.scheduler = scheduler;
  }

  /** Starts polling every feed known now and, from now on, every feed stored. */
  public synchronized void start() {
    started = true;
    for (Entry entry : entries()) {
      scheduler.put(entry.feed());
    }
  }

  public synchronized boolean started() {
    return started;
  }

  /** A feed of {@code ingest.feeds} changed ({@code entry} null: removed). */
  public synchronized void stored(String id, Entry entry) {
    if (fromFile.containsKey(id)) {
      return; // the file wins; the API refuses to write such ids, so this is an old record
    }
    if (entry == null) {
      if (fromApi.remove(id) != null && started) {
        scheduler.remove(id);
      }
      return;
    }
    fromApi.put(id, entry);
    if (started) {
      scheduler.put(entry.feed());
    }
  }

  /** Why the API may not change feed {@code id}, if it may not. */
  public synchronized Optional<String> readOnlyReason(String id) {
    return fromFile.containsKey(id)
        ? Optional.of("feed " + id + " is defined in the feeds file; change it there")
        : Optional.empty();
  }

  public synchronized Optional<Entry> get(String id) {
    Entry entry = fromFile.get(id);
    return Optional.ofNullable(entry != null ? entry : fromApi.get(id));
  }

  /** The articles' source id for feed {@code feedId}. */
  public Optional<String> sourceOf(String feedId) {
    return get(feedId).map(e -> e.feed().sourceId());
  }

  /** Every feed, by id. */
  public synchronized List<Entry> entries() {
    List<Entry> all = new ArrayList<>(fromFile.values());
    fromApi.values().stream().filter(e -> !fromFile.containsKey(e.feed().id())).forEach(all::add);
    all.sort(Comparator.comparing(e -> e.feed().id()));
    return all;
  }

  /** What was wrong in the feeds file (those feeds are not polled). */
  public List<String> fileProblems() {
    return fileProblems;
  }
}
