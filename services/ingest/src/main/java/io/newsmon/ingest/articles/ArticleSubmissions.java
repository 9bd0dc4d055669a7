package io.newsmon.ingest.articles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.ArticleIds;
import io.newsmon.common.ContentTypes;
import io.newsmon.common.HttpUrls;
import io.newsmon.common.TraceIds;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one {@code POST /api/articles} request into the {@code news.raw} record, or into the
 * refusal its sender needs to mend it. Plain: the resource around it only moves bytes and status
 * codes.
 *
 * <p>Accepted bodies: a JSON article record ({@code application/json}, the format of
 * docs/cleaning.md: {@code html}, or {@code text}/{@code body}/{@code content}, and optional
 * metadata), or the article itself as {@code text/html} (with its URL, since links and metadata
 * mean little without it), {@code text/plain} or {@code text/markdown}.
 */
public final class ArticleSubmissions {

  /** What became of a submission. */
  public sealed interface Outcome {}

  public record Accepted(RawArticle article) implements Outcome {}

  /**
   * @param status the HTTP status: 400 invalid, 413 too large, 415 unsupported type
   * @param reason short machine-readable reason, also the metric's label
   */
  public record Refused(int status, String reason, String message) implements Outcome {
    public Refused {
      if (!REFUSAL_REASONS.contains(reason)) {
        throw new IllegalArgumentException("not a known refusal reason: " + reason);
      }
    }
  }

  /** Every reason a submission can be refused for, as {@link Refused#reason()} names it. */
  public static final List<String> REFUSAL_REASONS =
      List.of(
          "too-large",
          "empty",
          "unsupported-type",
          "bad-source",
          "bad-charset",
          "bad-json",
          "bad-url",
          "missing-url");

  static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "application/json", "application/json",
          "text/html", "text/html",
          "application/xhtml+xml", "text/html",
          "text/plain", "text/plain",
          "text/markdown", "text/markdown");

  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final List<String> TEXT_FIELDS = List.of("html", "text", "body", "content");
  private static final Set<String> STRING_FIELDS =
      Set.of(
          "html",
          "text",
          "body",
          "content",
          "url",
          "title",
          "author",
          "publishedAt",
          "siteName",
          "language");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxBytes;
  private final Clock clock;

  public ArticleSubmissions(long maxBytes, Clock clock) {
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /**
   * @param tenant the API key's tenant: the source id unless {@code source} names one
   * @param contentType the request's Content-Type header
   * @param url the {@code url} query parameter, or null
   * @param source the {@code source} query parameter, or null
   */
  public Outcome submit(String tenant, String contentType, String url, String source, byte[] body) {
    if (body.length > maxBytes) {
      return new Refused(
          413,
          "too-large",
          "the article is " + body.length + " bytes; this service takes at most " + maxBytes);
    }
    if (body.length == 0) {
      return new Refused(
          400, "empty", "empty body: send a JSON article record, or the article's HTML or text");
    }
    String mediaType = ContentTypes.mediaType(contentType);
    String recordType = MEDIA_TYPES.get(mediaType);
    if (recordType == null) {
      return new Refused(
          415,
          "unsupported-type",
          "Content-Type "
              + (mediaType.isEmpty() ? "(none)" : mediaType)
              + " is not taken; send application/json, text/html, text/plain or text/markdown");
    }
    String sourceId = source == null || source.isBlank() ? tenant : source.strip();
    if (!SOURCE.matcher(sourceId).matches()) {
      return new Refused(
          400, "bad-source", "source must be 1-64 lower-case letters, digits and hyphens");
    }
    String charset = ContentTypes.charset(contentType);
    if (charset != null && !supported(charset)) {
      return new Refused(400, "bad-charset", "charset " + charset + " is not one Java knows");
    }
    String link = url;
    if (recordType.equals("application/json")) {
      JsonCheck check = checkJson(body);
      if (check.problem() != null) {
        return new Refused(400, "bad-json", check.problem());
      }
      if (link == null) {
        link = check.url();
      }
    }
    if (link != null && HttpUrls.absolute(link) == null) {
      return new Refused(400, "bad-url", "url must be an absolute http or https URL");
    }
    if (recordType.equals("text/html") && link == null) {
      return new Refused(
          400, "missing-url", "raw HTML needs its URL: add ?url=https://... to the request");
    }
    RawArticle article =
        RawArticle.newBuilder()
            .setArticleId(
                link != null ? ArticleIds.ofLink(sourceId, link) : ArticleIds.ofPayload(body))
            .setSourceId(sourceId)
            .setUrl(link)
            .setContentType(recordType)
            .setCharset(charset)
            .setPayload(ByteBuffer.wrap(body))
            .setIngestedAt(clock.instant())
            .setTraceId(TraceIds.newId())
            .build();
    return new Accepted(article);
  }

  private record JsonCheck(String url, String problem) {}

  private static JsonCheck checkJson(byte[] body) {
    JsonNode record;
    try {
      record = JSON.readTree(body);
    } catch (JacksonException e) {
      return new JsonCheck(null, "not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      return new JsonCheck(null, "not JSON: " + e.getMessage());
    }
    if (record == null || !record.isObject()) {
      return new JsonCheck(null, "the JSON must be an object (an article record)");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (STRING_FIELDS.contains(field.getKey())
          && !field.getValue().isTextual()
          && !field.getValue().isNull()) {
        return new JsonCheck(null, "field '" + field.getKey() + "' must be a string");
      }
    }
    boolean hasText = TEXT_FIELDS.stream().anyMatch(f -> !record.path(f).asText("").isBlank());
    if (!hasText) {
      return new JsonCheck(
          null, "the record has no article: give 'html', or 'text' ('body', 'content')");
    }
    JsonNode url = record.get("url");
    return new JsonCheck(url == null || url.isNull() ? null : url.asText(), null);
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
