package io.newsmon.pipeline.flag;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import io.newsmon.pipeline.WireMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code flag} stage: matches unique articles against the topic catalog and forwards those with
 * at least one flag. A query that errors on an article is logged and skipped; the others still flag
 * it.
 */
public final class FlagProcessor
    implements FixedKeyProcessor<String, DedupedArticle, FlaggedArticle> {

  private static final Logger LOG = LoggerFactory.getLogger(FlagProcessor.class);

  private final Supplier<List<TopicDefinition>> catalog;
  private FixedKeyProcessorContext<String, FlaggedArticle> context;
  private TopicMatcher matcher;

  public FlagProcessor(Supplier<List<TopicDefinition>> catalog) {
    this.catalog = catalog;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, FlaggedArticle> context) {
    this.context = context;
    this.matcher = new TopicMatcher(catalog.get());
  }

  @Override
  public void process(FixedKeyRecord<String, DedupedArticle> record) {
    CleanArticle article = record.value().getArticle();
    MatchResult result = matcher.match(article.getTitle(), article.getText());
    result
        .errors()
        .forEach(
            (topic, error) ->
                LOG.warn(
                    "topic {} could not be evaluated on article {}: {}",
                    topic,
                    article.getArticleId(),
                    error));
    if (result.flags().isEmpty()) {
      return;
    }
    List<TopicFlag> flags = result.flags().stream().map(WireMapping::toWire).toList();
    context.forward(
        record.withValue(
            FlaggedArticle.newBuilder()
                .setArticle(article)
                .setClusterId(record.value().getDecision().getClusterId())
                .setFlags(flags)
                .setFlaggedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build()));
  }

  @Override
  public void close() {
    try {
      matcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
