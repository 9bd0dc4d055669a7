package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.clean.RejectedArticleException;
import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.MatchResult;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./newsmon flag}: the pipeline's cleaner and topic monitor on local files. */
@Command(
    name = "flag",
    description =
        "Clean files and flag them with the topic catalog (the starter catalog by default) using"
            + " the pipeline's engine; print one JSON object per input.")
final class FlagCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", description = "Files or directories (directories in sorted order).")
  List<Path> paths;

  @Option(names = "--topics", description = "Topic catalog file (YAML or JSON).")
  Path topics;

  static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    List<TopicDefinition> catalog =
        topics == null ? TopicCatalogFile.starter() : TopicCatalogFile.load(topics.toString());
    try (TopicMonitor monitor = TopicMonitor.of(Gazetteer.shipped(), catalog)) {
      ArticleCleaner cleaner = new ArticleCleaner();
      for (Path file : CleanCommand.files(paths)) {
        ObjectNode row = flag(cleaner, monitor, file);
        if (row != null) {
          System.out.println(JSON.writeValueAsString(row));
        }
      }
    }
    return 0;
  }

  /** One input's line: its topics with evidence and its countries; null for skipped files. */
  static ObjectNode flag(ArticleCleaner cleaner, TopicMonitor monitor, Path file)
      throws java.io.IOException {
    String type = ArticlePublisher.contentType(file);
    if (type == null) {
      return null;
    }
    ObjectNode row = JSON.createObjectNode().put("source", file.toString());
    try {
      CleanedDocument doc =
          cleaner.clean(new RawDocument(ArticlePublisher.readPayload(file), type, null, null));
      MatchResult result =
          monitor.match(new ArticleText(doc.title(), doc.text(), doc.language(), null));
      ArrayNode flags = row.putArray("topics");
      for (TopicFlag flag : result.flags()) {
        ObjectNode f = flags.addObject();
        f.put("id", flag.topicId());
        f.put("score", Math.round(flag.score() * 1000) / 1000.0);
        flag.matched().forEach(f.putArray("matched")::add);
        f.put("snippet", flag.snippet());
      }
      result.places().countries().forEach(row.putArray("countries")::add);
      if (!result.errors().isEmpty()) {
        ObjectNode errors = row.putObject("errors");
        result.errors().forEach(errors::put);
      }
    } catch (RejectedArticleException e) {
      row.put("error", e.getMessage());
    }
    return row;
  }
}
