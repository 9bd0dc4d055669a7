package io.newsmon.alerts.delivery;

import java.util.List;

/** Where planned deliveries go to be made, retried, and given up with a trace. */
public interface DeliveryQueue {

  /** Takes the deliveries durably: when this returns, a crash does not lose them. */
  void enqueue(List<PendingDelivery> deliveries);
}
