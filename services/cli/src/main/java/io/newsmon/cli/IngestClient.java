package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Submits articles to the ingest service's {@code POST /api/articles} as a tenant. */
public final class IngestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String apiKey;

  public IngestClient(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /** An accepted article: on news.raw under this id, followed by this trace id. */
  public record Accepted(String articleId, String traceId) {}

  /** Submits one article file (.html, .md, .txt, .json and their .gz) as its media type. */
  public Accepted submit(Path file) throws IOException, InterruptedException {
    String type = ArticlePublisher.contentType(file);
    if (type == null || ArticlePublisher.isJsonLines(file)) {
      throw new IOException(file + ": " + ArticlePublisher.NOT_AN_ARTICLE + " for the HTTP API");
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + apiKey)
                .header("content-type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ArticlePublisher.readPayload(file)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException(
          file.getFileName() + " refused: HTTP " + response.statusCode() + " " + response.body());
    }
    JsonNode json = JSON.readTree(response.body());
    return new Accepted(json.path("articleId").asText(), json.path("traceId").asText());
  }
}
