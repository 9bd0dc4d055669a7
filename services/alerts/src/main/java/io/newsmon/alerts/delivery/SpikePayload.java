package io.newsmon.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.SpikeState;
import io.newsmon.avro.TopicSpike;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of a spike webhook: {@code topic.spike.started} when a topic's last hour rose well
 * above its usual volume, {@code topic.spike.ended} when it fell back (docs/alerts.md).
 */
public final class SpikePayload {

  public static final String STARTED = "topic.spike.started";
  public static final String ENDED = "topic.spike.ended";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpikePayload() {}

  public static String type(TopicSpike spike) {
    return spike.getState() == SpikeState.STARTED ? STARTED : ENDED;
  }

  public static String json(String alertId, String subscriptionId, TopicSpike spike, Instant now) {
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", spike.getWindowStart().toString());
    window.put("end", spike.getWindowEnd().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("alertId", alertId);
    data.put("subscriptionId", subscriptionId);
    data.put("topic", Map.of("id", spike.getTopicId()));
    data.put("window", window);
    data.put("articles", spike.getArticles());
    data.put("usualPerHour", spike.getUsualPerHour());
    data.put("ratio", spike.getRatio());
    data.put("baselineHours", spike.getBaselineHours());
    data.put("summary", spike.getSummary());
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", type(spike));
    envelope.put("timestamp", now.toString());
    envelope.put("data", data);
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render spike alert " + alertId, e);
    }
  }
}
