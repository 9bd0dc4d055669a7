package io.newsmon.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

/**
 * JSON console logs for the Quarkus services, one object per line in the field names the pipeline's
 * Log4j layout uses (Elastic Common Schema), with the logging context (MDC, where the trace id of
 * the article at hand is) flattened into it. Put on the console handlers at start when {@code
 * NEWSMON_LOG_FORMAT=json}; the lines Quarkus writes while it boots stay text.
 *
 * <p>Written here rather than taken from a library: the Quarkus JSON logging extension is not
 * served by the package registry this project builds from for its Quarkus version, and JBoss
 * LogManager's own JSON formatter lives in the boot class loader, where it cannot see a JSON-P
 * implementation. Jackson does the escaping.
 */
public final class JsonConsoleLogs extends Formatter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the environment asks for JSON logs. */
  public static boolean wanted() {
    return "json".equalsIgnoreCase(System.getenv("NEWSMON_LOG_FORMAT"));
  }

  /** Puts this formatter on every console handler of the root logger; how many it found. */
  public static int install() {
    JsonConsoleLogs json = new JsonConsoleLogs();
    int installed = 0;
    for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
      installed += apply(handler, json);
    }
    return installed;
  }

  private static int apply(Handler handler, Formatter json) {
    int installed = 0;
    if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
      handler.setFormatter(json);
      installed++;
    }
    if (handler instanceof ExtHandler ext) {
      for (Handler child : ext.getHandlers()) {
        installed += apply(child, json);
      }
    }
    return installed;
  }

  @Override
  public String format(LogRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("@timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
    line.put("log.level", record.getLevel().getName());
    line.put("message", formatMessage(record));
    line.put("log.logger", record.getLoggerName());
    if (record instanceof ExtLogRecord ext) {
      line.put("process.thread.name", ext.getThreadName());
      ext.getMdcCopy().forEach(line::putIfAbsent);
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.put("error.type", record.getThrown().getClass().getName());
      line.put("error.message", record.getThrown().getMessage());
      line.put("error.stack_trace", trace.toString());
    }
    try {
      return JSON.writeValueAsString(line) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      return "{\"log.level\":\"ERROR\",\"message\":\"unloggable record\"}" + System.lineSeparator();
    }
  }

  @Override
  public String formatMessage(LogRecord record) {
    return record instanceof ExtLogRecord ext
        ? ext.getFormattedMessage()
        : super.formatMessage(record);
  }
}
