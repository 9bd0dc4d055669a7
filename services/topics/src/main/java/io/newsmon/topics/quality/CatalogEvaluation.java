package io.newsmon.topics.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision and recall of each topic of a monitor on a corpus of labelled real articles.
 *
 * <p>The corpus is two JSON-lines files: articles ({@code {"id", "title", "text"}}, one per line)
 * and labels ({@code {"id", "labels": [topic ids]}}), kept apart because the labels are the
 * project's own work and ship with it while the articles belong to their publishers (see {@code
 * deploy/topics-eval}). An article without a labels line is left out.
 */
public final class CatalogEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogEvaluation() {}

  /** Reads the corpus; articles without labels are skipped. */
  public static List<LabelledArticle> read(Path articles, Path labels) throws IOException {
    Map<String, Set<String>> labelled = new HashMap<>();
    for (JsonNode row : lines(labels)) {
      Set<String> topics = new HashSet<>();
      row.path("labels").forEach(l -> topics.add(l.asText()));
      labelled.put(row.path("id").asText(), topics);
    }
    List<LabelledArticle> corpus = new ArrayList<>();
    for (JsonNode row : lines(articles)) {
      String id = row.path("id").asText();
      Set<String> topics = labelled.get(id);
      if (topics != null) {
        corpus.add(
            new LabelledArticle(
                id,
                new ArticleText(
                    row.path("title").asText(""), row.path("text").asText(), "en", null),
                topics));
      }
    }
    return corpus;
  }

  /** Scores every topic of {@code monitor}, in the monitor's topic order by id. */
  public static Map<String, TopicScore> score(TopicMonitor monitor, List<LabelledArticle> corpus) {
    Map<String, List<String>> tp = new HashMap<>();
    Map<String, List<String>> fp = new HashMap<>();
    Map<String, List<String>> fn = new HashMap<>();
    for (LabelledArticle article : corpus) {
      Set<String> flagged = new HashSet<>();
      for (TopicFlag flag : monitor.match(article.text()).flags()) {
        flagged.add(flag.topicId());
      }
      for (String topic : flagged) {
        (article.topics().contains(topic) ? tp : fp)
            .computeIfAbsent(topic, t -> new ArrayList<>())
            .add(article.id());
      }
      for (String topic : article.topics()) {
        if (!flagged.contains(topic)) {
          fn.computeIfAbsent(topic, t -> new ArrayList<>()).add(article.id());
        }
      }
    }
    Map<String, TopicScore> scores = new LinkedHashMap<>();
    Set<String> ids = new TreeSet<>();
    monitor.topics().forEach(t -> ids.add(t.id()));
    for (String id : ids) {
      scores.put(
          id,
          new TopicScore(
              id,
              tp.getOrDefault(id, List.of()).size(),
              fp.getOrDefault(id, List.of()).size(),
              fn.getOrDefault(id, List.of()).size(),
              fp.getOrDefault(id, List.of()),
              fn.getOrDefault(id, List.of())));
    }
    return scores;
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }
}
