package io.newsmon.cli;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local webhook endpoint that records every call and verifies its Standard Webhooks signature
 * with the specification's library. For fault tests it can answer slowly (so deliveries are in
 * flight), and go down (connection refused) and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One received call (recorded once its body is read) and whether its signature verified. */
  public record Call(
      Map<String, List<String>> headers,
      String body,
      boolean verified,
      String verifyError,
      Instant at) {
    public String header(String name) {
      return HttpHeaders.of(headers, (a, b) -> true).firstValue(name).orElse(null);
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> firstAnswered = new ConcurrentHashMap<>();
  // Each call on its own thread, so a slow answer holds only its own call.
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final int port;
  private volatile HttpServer server;
  private volatile String secret;
  private volatile Duration responseDelay = Duration.ZERO;

  public WebhookReceiver() throws IOException {
    server = listen(0);
    port = server.getAddress().getPort();
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
    s.createContext("/hook", this::handle);
    s.setExecutor(handlers);
    s.start();
    return s;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
    String error = null;
    try {
      new Webhook(secret).verify(body, HttpHeaders.of(headers, (a, b) -> true));
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Call call = new Call(headers, body, error == null, error, Instant.now());
    calls.add(call);
    String id = call.header("webhook-id");
    String key = id + "@" + System.identityHashCode(exchange);
    inFlight.add(key);
    try {
      Duration delay = responseDelay;
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      exchange.sendResponseHeaders(204, -1);
      firstAnswered.putIfAbsent(id, Instant.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.remove(key);
      exchange.close();
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/hook");
  }

  /** The subscription's signing secret, to verify calls with. */
  public void expectSecret(String signingSecret) {
    this.secret = signingSecret;
  }

  /** How long to hold each call before answering 204 (recorded on arrival either way). */
  public void respondAfter(Duration delay) {
    this.responseDelay = delay;
  }

  /** The {@code webhook-id}s of calls received and not answered yet. */
  public Set<String> unanswered() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    for (String key : inFlight) {
      ids.add(key.substring(0, key.lastIndexOf('@')));
    }
    return Set.copyOf(ids);
  }

  /** When a call with this {@code webhook-id} was first answered 204, if it was. */
  public java.util.Optional<Instant> firstAnswered(String webhookId) {
    return java.util.Optional.ofNullable(firstAnswered.get(webhookId));
  }

  /**
   * Stops listening: calls now fail with connection refused, as to an endpoint that is down. Calls
   * already received are answered first (up to 5 s), so none is recorded but left unanswered.
   */
  public synchronized void goDown() {
    server.stop(5);
  }

  /** Listens again on the same port. */
  public synchronized void comeBack() {
    try {
      server = listen(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " again", e);
    }
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
