package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.pipeline.PipelineConfig;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.clean.RejectedArticleException;
import io.newsmon.pipeline.dedup.Decision;
import io.newsmon.pipeline.dedup.Deduplicator;
import io.newsmon.pipeline.dedup.InMemoryDedupIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./newsmon dedup}: the pipeline's cleaner and deduplicator on local files, in order. */
@Command(
    name = "dedup",
    description =
        "Clean and deduplicate files in the order given (directories sorted) with the pipeline's code;"
            + " print one JSON object per input.")
final class DedupCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", description = "Files or directories.")
  List<Path> paths;

  @Option(
      names = "--threshold",
      description = "Near-duplicate threshold (default: the pipeline's dedup.near.threshold).")
  Double threshold;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    double near =
        threshold != null
            ? threshold
            : new PipelineConfig(Map.of()).getDouble(PipelineConfig.DEDUP_THRESHOLD);
    ArticleCleaner cleaner = new ArticleCleaner();
    Deduplicator dedup = new Deduplicator(new InMemoryDedupIndex(), near);
    long sequence = 0;
    for (Path file : CleanCommand.files(paths)) {
      String type = ArticlePublisher.contentType(file);
      if (type == null) {
        continue;
      }
      byte[] bytes = ArticlePublisher.readPayload(file);
      String id = io.newsmon.common.ArticleIds.ofPayload(bytes);
      ObjectNode row = JSON.createObjectNode().put("source", file.toString()).put("id", id);
      try {
        CleanedDocument doc = cleaner.clean(new RawDocument(bytes, type, null, null));
        Decision decision = dedup.decide(id, doc.canonicalUrl(), doc.text(), sequence++);
        row.put("cluster", decision.clusterId())
            .put("duplicateOf", decision.duplicateOf())
            .put("similarity", Math.round(decision.similarity() * 1000) / 1000.0)
            .put("method", decision.method().name());
      } catch (RejectedArticleException e) {
        row.put("error", e.getMessage());
      }
      System.out.println(JSON.writeValueAsString(row));
    }
    return 0;
  }
}
