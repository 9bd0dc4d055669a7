package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Talks to the alert service's REST API as a tenant. */
public final class AlertsClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String apiKey;

  public AlertsClient(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /** A created subscription: its id and signing secret (shown only at creation). */
  public record Created(String id, String signingSecret) {}

  public Created subscribe(List<String> topicIds, URI webhookUrl)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(Map.of("topicIds", topicIds, "webhookUrl", webhookUrl.toString()));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/subscriptions"))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + apiKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException(
          "subscription refused: HTTP " + response.statusCode() + " " + response.body());
    }
    JsonNode json = JSON.readTree(response.body());
    return new Created(json.path("id").asText(), json.path("signingSecret").asText());
  }
}
