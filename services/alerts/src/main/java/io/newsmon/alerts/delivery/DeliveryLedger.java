package io.newsmon.alerts.delivery;

import io.newsmon.avro.Alert;

/** Remembers which alerts were delivered, so none is delivered twice. */
public interface DeliveryLedger {

  boolean isDelivered(String alertId);

  void recordDelivered(Alert alert);
}
