package io.newsmon.pipeline;

import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TraceIds;
import io.newsmon.pipeline.clean.RejectedArticleException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams exception handlers (KIP-1033/1034) that keep the pipeline going and lose nothing:
 * the record that failed goes to {@code news.dead-letter} with its original key, value and headers,
 * plus {@code newsmon.error.*} headers saying why, where and which offset; a counter per reason is
 * kept for the health endpoint and metrics; one line is logged.
 */
public final class DeadLetterHandlers {

  public static final String HEADER_REASON = DeadLetterHeaders.REASON;
  public static final String HEADER_MESSAGE = DeadLetterHeaders.MESSAGE;
  public static final String HEADER_STAGE = DeadLetterHeaders.STAGE;
  public static final String HEADER_SOURCE = DeadLetterHeaders.SOURCE;
  public static final String HEADER_EXCEPTION = DeadLetterHeaders.EXCEPTION;

  static final String UNDECODABLE_RECORD = "undecodable_record";
  static final String PROCESSING_ERROR = "processing_error";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  private DeadLetterHandlers() {}

  /** Sets the dead-letter topic and both handlers in {@code streamsProperties}. */
  public static void configure(Properties streamsProperties) {
    streamsProperties.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
        TopicCatalog.NEWS_DEAD_LETTER.name());
    streamsProperties.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class.getName());
    streamsProperties.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        Deserialization.class.getName());
  }

  /** Dead-lettered records since start, by reason. */
  public static Map<String, Long> counts() {
    Map<String, Long> snapshot = new java.util.TreeMap<>();
    COUNTS.forEach((reason, count) -> snapshot.put(reason, count.sum()));
    return snapshot;
  }

  /** Records dead-lettered for {@code reason} since start. */
  static double count(String reason) {
    LongAdder count = COUNTS.get(reason);
    return count == null ? 0 : count.sum();
  }

  static String reason(Exception e) {
    if (e instanceof RejectedArticleException rejected) {
      return rejected.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (e instanceof SerializationException) {
      return UNDECODABLE_RECORD;
    }
    return PROCESSING_ERROR;
  }

  static ProducerRecord<byte[], byte[]> deadLetter(
      String topic, byte[] key, byte[] value, ErrorHandlerContext context, Exception e) {
    String reason = reason(e);
    COUNTS.computeIfAbsent(reason, r -> new LongAdder()).increment();
    String source = context.topic() + "-" + context.partition() + "@" + context.offset();
    Header trace = context.headers() == null ? null : context.headers().lastHeader(TraceIds.HEADER);
    PipelineTopology.traceInLogs(
        trace == null || trace.value() == null
            ? null
            : new String(trace.value(), StandardCharsets.UTF_8));
    LOG.warn(
        "dead-lettered record from {} at {} ({}): {}",
        source,
        context.processorNodeId(),
        reason,
        e.getMessage());
    PipelineTopology.traceInLogs(null);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, context.timestamp(), key, value);
    if (context.headers() != null) {
      for (Header header : context.headers()) {
        record.headers().add(header);
      }
    }
    record
        .headers()
        .add(HEADER_REASON, bytes(reason))
        .add(HEADER_MESSAGE, bytes(String.valueOf(e.getMessage())))
        .add(HEADER_STAGE, bytes(context.processorNodeId()))
        .add(HEADER_SOURCE, bytes(source))
        .add(HEADER_EXCEPTION, bytes(e.getClass().getName()));
    return record;
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static String topic(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    return topic == null ? TopicCatalog.NEWS_DEAD_LETTER.name() : topic.toString();
  }

  /** An exception inside a processor: dead-letter the source record and resume. */
  public static final class Processing implements ProcessingExceptionHandler {
    private String topic = TopicCatalog.NEWS_DEAD_LETTER.name();

    @Override
    public void configure(Map<String, ?> configs) {
      topic = topic(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      return Response.resume(
          List.of(
              deadLetter(
                  topic, context.sourceRawKey(), context.sourceRawValue(), context, exception)));
    }
  }

  /** Bytes that are not a record of the expected type: dead-letter them and resume. */
  public static final class Deserialization implements DeserializationExceptionHandler {
    private String topic = TopicCatalog.NEWS_DEAD_LETTER.name();

    @Override
    public void configure(Map<String, ?> configs) {
      topic = topic(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      return Response.resume(
          List.of(deadLetter(topic, record.key(), record.value(), context, exception)));
    }
  }
}
