package io.newsmon.pipeline.flag;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import io.newsmon.pipeline.WireMapping;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.MatchResult;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Place;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code flag} stage: matches unique articles against the running topics and forwards those
 * with at least one flag, with the places they mention. The {@link TopicMonitor} is shared by every
 * task of the instance and changes while it runs (catalog updates); a query that errors on an
 * article is logged and counted, and the other topics still flag it.
 */
public final class FlagProcessor
    implements FixedKeyProcessor<String, DedupedArticle, FlaggedArticle> {

  private static final Logger LOG = LoggerFactory.getLogger(FlagProcessor.class);
  private static final LongAdder QUERY_ERRORS = new LongAdder();

  private final TopicMonitor monitor;
  private FixedKeyProcessorContext<String, FlaggedArticle> context;

  public FlagProcessor(TopicMonitor monitor) {
    this.monitor = monitor;
  }

  /** Query evaluations that failed on an article since the process started. */
  public static long queryErrors() {
    return QUERY_ERRORS.sum();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, FlaggedArticle> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DedupedArticle> record) {
    CleanArticle article = record.value().getArticle();
    MatchResult result =
        monitor.match(
            new ArticleText(
                article.getTitle(),
                article.getText(),
                article.getLanguage(),
                article.getSourceId()));
    result
        .errors()
        .forEach(
            (topic, error) -> {
              QUERY_ERRORS.increment();
              LOG.warn(
                  "topic {} could not be evaluated on article {}: {}",
                  topic,
                  article.getArticleId(),
                  error);
            });
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
                .setCountries(result.places().countries())
                .setPlaces(result.places().places().stream().map(Place::name).toList())
                .build()));
  }
}
