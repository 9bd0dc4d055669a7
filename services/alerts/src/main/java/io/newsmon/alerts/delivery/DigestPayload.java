package io.newsmon.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a digest, in the Standard Webhooks envelope: {@code type} {@code topic.digest},
 * {@code timestamp} (the window's end), and {@code data} with the window and the {@code data} of
 * each alert as it would have been sent on its own ({@link AlertPayload}), oldest first.
 *
 * <p>The body is a function of the alerts alone, so a retry of a digest sends the same bytes under
 * the same {@code webhook-id}, as the specification asks.
 */
public final class DigestPayload {

  public static final String TYPE = "topic.digest";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Alerts in one order on every instance and every retry. */
  private static final Comparator<PendingDelivery> ORDER =
      Comparator.comparing(PendingDelivery::createdAt).thenComparing(PendingDelivery::alertId);

  private DigestPayload() {}

  /**
   * The {@code webhook-id} of a digest: a hash of its subscription, window and alert ids, so a late
   * alert of a window already sent goes out in a digest of its own, never under an id the receiver
   * has seen with other contents.
   */
  public static String digestId(List<PendingDelivery> alerts) {
    PendingDelivery lead = alerts.get(0);
    List<String> parts = new ArrayList<>();
    parts.add(lead.subscriptionId());
    parts.add(String.valueOf(lead.digestWindow()));
    alerts.stream().map(PendingDelivery::alertId).sorted().forEach(parts::add);
    return AlertDispatcher.messageId(parts);
  }

  public static String json(String digestId, List<PendingDelivery> alerts) {
    PendingDelivery lead = alerts.get(0);
    DigestWindow window = DigestWindow.parse(lead.digestWindow());
    List<JsonNode> items = new ArrayList<>();
    for (PendingDelivery alert : alerts.stream().sorted(ORDER).toList()) {
      try {
        items.add(JSON.readTree(alert.payload()).path("data"));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable payload of alert " + alert.alertId(), e);
      }
    }
    Map<String, Object> windowJson = new LinkedHashMap<>();
    windowJson.put("from", window.start().toString());
    windowJson.put("to", window.end().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("digestId", digestId);
    data.put("subscriptionId", lead.subscriptionId());
    data.put("window", windowJson);
    data.put("alertCount", items.size());
    data.put("alerts", items);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", TYPE);
    envelope.put("timestamp", window.end().toString());
    envelope.put("data", data);
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render digest " + digestId, e);
    }
  }
}
