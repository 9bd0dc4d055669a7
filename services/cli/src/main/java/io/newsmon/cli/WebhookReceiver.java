package io.newsmon.cli;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local webhook endpoint that records every call and verifies its Standard Webhooks signature
 * with the specification's library.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One received call, when it arrived (epoch milliseconds) and whether its signature verified. */
  public record Call(
      Map<String, List<String>> headers,
      String body,
      boolean verified,
      String verifyError,
      long receivedAtMillis) {
    public String header(String name) {
      return HttpHeaders.of(headers, (a, b) -> true).firstValue(name).orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile String secret;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          long receivedAt = System.currentTimeMillis();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
          String error = null;
          try {
            new Webhook(secret).verify(body, HttpHeaders.of(headers, (a, b) -> true));
          } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          calls.add(new Call(headers, body, error == null, error, receivedAt));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The subscription's signing secret, to verify calls with. */
  public void expectSecret(String signingSecret) {
    this.secret = signingSecret;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
