package io.newsmon.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ingest service's settings ({@code newsmon.ingest.*}, or {@code NEWSMON_INGEST_*} variables).
 */
@ConfigMapping(prefix = "newsmon.ingest")
public interface IngestConfig {

  /** Kafka brokers, host:port comma-separated. */
  @WithDefault("localhost:9092")
  String bootstrapServers();

  /**
   * Keys that may {@code POST /api/articles}, as {@code tenant:sha256hex} entries; the tenant is
   * the articles' source id unless the request names one.
   */
  Optional<List<String>> apiKeys();

  /** Keys that manage feeds ({@code /api/admin/feeds}), as {@code name:sha256hex} entries. */
  Optional<List<String>> adminKeys();

  /**
   * Largest article taken over HTTP; larger ones are refused with 413. The default is the clean
   * stage's own limit: a larger article would only be dead-lettered there.
   */
  @WithDefault("5M")
  MemorySize maxArticleSize();

  Feeds feeds();

  /** Feed polling. */
  interface Feeds {

    /** A YAML file of feeds (deploy/feeds.example.yaml shows the format); none: API feeds only. */
    Optional<Path> file();

    /** Threads polling feeds; a poll waits for its host, so more threads serve more hosts. */
    @WithDefault("2")
    int pollThreads();

    /** Whether robots.txt is obeyed. Turn off only for sites that allow newsmon otherwise. */
    @WithDefault("true")
    boolean respectRobots();

    /** Pause between two requests to one host (longer when robots.txt asks for it). */
    @WithDefault("1s")
    Duration hostDelay();

    /** Longest rest of a failing host (its delay doubles per failure in a row up to this). */
    @WithDefault("6h")
    Duration maxHostBackoff();

    /** Time allowed for one feed or page request, from connecting to the last byte. */
    @WithDefault("20s")
    Duration fetchTimeout();

    /** Largest feed document or article page fetched; larger ones fail with a reason. */
    @WithDefault("5M")
    MemorySize maxFetchSize();
  }
}
