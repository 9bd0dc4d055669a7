package io.newsmon.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import io.newsmon.topics.query.QueryProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./newsmon topics ...}: work with topic queries. */
@Command(
    name = "topics",
    description = "Work with topic queries.",
    subcommands = {TopicsCommand.Test.class, TopicsCommand.Eval.class, TopicsCommand.Load.class})
final class TopicsCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code ./newsmon topics test 'QUERY' PATH...}: a dry run of one query. */
  @Command(
      name = "test",
      description =
          "Dry-run a query: check it, then show which inputs it matches and why (one JSON object"
              + " per input: matched, score, terms, snippet, countries).")
  static final class Test implements Callable<Integer> {

    @Parameters(index = "0", description = "The query, in newsmon's query language.")
    String query;

    @Parameters(index = "1..*", arity = "1..*", description = "Files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
      try (TopicMonitor monitor = new TopicMonitor(Gazetteer.shipped())) {
        List<QueryProblem> problems = monitor.put(TopicDefinition.of("query", query));
        if (!problems.isEmpty()) {
          for (QueryProblem p : problems) {
            System.err.println("query refused at character " + p.position() + ": " + p.message());
            System.err.println("  " + query);
            System.err.println("  " + " ".repeat(Math.min(p.position(), query.length())) + "^");
          }
          return 2;
        }
        ArticleCleaner cleaner = new ArticleCleaner();
        int matched = 0;
        int inputs = 0;
        for (Path file : CleanCommand.files(paths)) {
          ObjectNode row = FlagCommand.flag(cleaner, monitor, file);
          if (row == null) {
            continue;
          }
          inputs++;
          var topics = row.remove("topics");
          boolean match = topics != null && !topics.isEmpty();
          matched += match ? 1 : 0;
          ObjectNode out = FlagCommand.JSON.createObjectNode();
          out.put("source", row.get("source").asText()).put("matched", match);
          if (match) {
            var flag = topics.get(0);
            out.set("score", flag.get("score"));
            out.set("terms", flag.get("matched"));
            out.set("snippet", flag.get("snippet"));
          }
          if (row.has("countries")) {
            out.set("countries", row.get("countries"));
          }
          for (String extra : List.of("errors", "error")) {
            if (row.has(extra)) {
              out.set(extra, row.get(extra));
            }
          }
          System.out.println(FlagCommand.JSON.writeValueAsString(out));
        }
        System.err.println("matched " + matched + " of " + inputs + " inputs");
      }
      return 0;
    }
  }

  /** {@code ./newsmon topics eval ARTICLES LABELS}: precision and recall per topic. */
  @Command(
      name = "eval",
      description =
          "Precision and recall of each topic on labelled articles (JSON lines: articles with id,"
              + " title, text; labels with id, labels).")
  static final class Eval implements Callable<Integer> {

    @Parameters(index = "0", description = "Articles, JSON lines.")
    Path articles;

    @Parameters(index = "1", description = "Labels, JSON lines.")
    Path labels;

    @picocli.CommandLine.Option(
        names = "--topics",
        description = "Topic catalog file (default: the starter catalog).")
    Path topics;

    @picocli.CommandLine.Option(
        names = "--errors",
        description = "Also list the ids of false positives and false negatives.")
    boolean errors;

    @Override
    public Integer call() throws Exception {
      var catalog =
          topics == null
              ? io.newsmon.topics.TopicCatalogFile.starter()
              : io.newsmon.topics.TopicCatalogFile.load(topics.toString());
      var corpus = io.newsmon.topics.quality.CatalogEvaluation.read(articles, labels);
      try (TopicMonitor monitor = TopicMonitor.of(Gazetteer.shipped(), catalog)) {
        var scores = io.newsmon.topics.quality.CatalogEvaluation.score(monitor, corpus);
        System.out.printf(
            java.util.Locale.ROOT,
            "%d labelled articles%n| topic | labelled | flagged | right | precision | recall |%n"
                + "| --- | --- | --- | --- | --- | --- |%n",
            corpus.size());
        for (var s : scores.values()) {
          System.out.printf(
              java.util.Locale.ROOT,
              "| %s | %d | %d | %d | %s | %s |%n",
              s.topicId(),
              s.labelled(),
              s.truePositives() + s.falsePositives(),
              s.truePositives(),
              format(s.precision()),
              format(s.recall()));
        }
        if (errors) {
          for (var s : scores.values()) {
            System.out.println(s.topicId() + " false positives: " + s.falsePositiveIds());
            System.out.println(s.topicId() + " false negatives: " + s.falseNegativeIds());
          }
        }
      }
      return 0;
    }

    private static String format(double value) {
      return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
  }

  /** {@code ./newsmon topics load FILE}: publish a catalog file to the running catalog. */
  @Command(
      name = "load",
      description =
          "Check every query of a catalog file (YAML or JSON), then publish its topics to"
              + " news.topic-definitions; the running pipeline applies them without a restart.")
  static final class Load implements Callable<Integer> {

    @Parameters(index = "0", description = "Catalog file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      var catalog = io.newsmon.topics.TopicCatalogFile.load(file.toString());
      try (TopicMonitor monitor = new TopicMonitor(Gazetteer.shipped())) {
        var refused = monitor.putAll(catalog);
        if (!refused.isEmpty()) {
          refused.forEach(
              (id, problems) ->
                  problems.forEach(
                      p ->
                          System.err.println(
                              id
                                  + ": query refused at character "
                                  + p.position()
                                  + ": "
                                  + p.message())));
          System.err.println("nothing published: fix the queries above first");
          return 2;
        }
      }
      String bootstrap = Newsmon.runningBootstrap();
      if (bootstrap == null) {
        return 2;
      }
      int published = io.newsmon.pipeline.catalog.TopicCatalogSeeder.publish(bootstrap, catalog);
      System.out.println("published " + published + " topics from " + file);
      return 0;
    }
  }
}
