package io.newsmon.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.common.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The feeds to poll, as an operator writes them in a YAML (or JSON) file:
 *
 * <pre>
 * feeds:
 *   - id: moscow-times
 *     url: https://www.themoscowtimes.com/rss/news
 *     every: 5m          # optional: 30s to 24h, default 10m
 *     source: moscow-times  # optional: the articles' source id, default the feed id
 * </pre>
 *
 * Every problem is collected with the feed it concerns (as Lucene's monitor collects per-query
 * errors) rather than stopping at the first, so one run of {@code ./newsmon} shows them all.
 */
public final class FeedList {

  /** A feed and how often to poll it. */
  public record Feed(String id, URI url, Duration every, String sourceId) {
    public Feed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(every, "every");
      Objects.requireNonNull(sourceId, "sourceId");
    }

    public FeedPoller.FeedSource source() {
      return new FeedPoller.FeedSource(id, url);
    }
  }

  /** The feeds read, and what was wrong with the others. */
  public record Loaded(List<Feed> feeds, List<String> problems) {
    public Loaded {
      feeds = List.copyOf(feeds);
      problems = List.copyOf(problems);
    }
  }

  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(10);
  public static final Duration MIN_EVERY = Duration.ofSeconds(30);
  public static final Duration MAX_EVERY = Duration.ofHours(24);

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern EVERY = Pattern.compile("(\\d+)\\s*(s|m|h)");
  private static final Set<String> FIELDS = Set.of("id", "url", "every", "source");

  private FeedList() {}

  public static Loaded read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static Loaded parse(String text) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      return new Loaded(
          List.of(), List.of("not YAML: " + e.getMessage().lines().findFirst().orElse("")));
    }
    JsonNode list = root == null ? null : root.get("feeds");
    if (list == null || !list.isArray()) {
      return new Loaded(List.of(), List.of("the file needs a 'feeds' list"));
    }
    List<Feed> feeds = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Feed feed = feed(list.get(i), "feed " + (i + 1), problems);
      if (feed == null) {
        continue;
      }
      if (!ids.add(feed.id())) {
        problems.add("feed " + feed.id() + ": id used twice");
        continue;
      }
      feeds.add(feed);
    }
    return new Loaded(feeds, problems);
  }

  /**
   * One feed given as a JSON object of the file's fields (the admin API's body, with its id): the
   * feed, or the problems with it.
   */
  public static Loaded single(JsonNode node) {
    List<String> problems = new ArrayList<>();
    Feed feed = feed(node, "feed", problems);
    return new Loaded(feed == null ? List.of() : List.of(feed), problems);
  }

  /** The feed {@code node} describes, or null after adding what is wrong with it. */
  private static Feed feed(JsonNode node, String where, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add(where + ": not a mapping of id, url, every, source");
      return null;
    }
    int before = problems.size();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(where + ": unknown field '" + name + "' (id, url, every, source)");
      }
    }
    String id = node.path("id").asText("");
    if (!ID.matcher(id).matches()) {
      problems.add(where + ": id must be 1-64 lower-case letters, digits and hyphens");
      return null;
    }
    where = "feed " + id;
    URI url = HttpUrls.absolute(node.path("url").asText(""));
    if (url == null) {
      problems.add(where + ": url must be an absolute http or https URL");
    }
    Duration every = every(node.path("every").asText(""));
    if (every == null) {
      problems.add(where + ": every must be a duration from 30s to 24h, such as 90s, 5m or 1h");
    }
    String source = node.path("source").asText(id);
    if (!ID.matcher(source).matches()) {
      problems.add(where + ": source must be 1-64 lower-case letters, digits and hyphens");
    }
    return problems.size() > before ? null : new Feed(id, url, every, source);
  }

  /** {@code every} as the file writes it: {@code 90s}, {@code 5m}, {@code 2h}. */
  public static String format(Duration every) {
    long seconds = every.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private static Duration every(String text) {
    if (text.isBlank()) {
      return DEFAULT_EVERY;
    }
    var m = EVERY.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    return d.compareTo(MIN_EVERY) < 0 || d.compareTo(MAX_EVERY) > 0 ? null : d;
  }
}
