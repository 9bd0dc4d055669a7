package io.newsmon.alerts.delivery;

import java.time.Instant;

/** Since when each subscription's endpoint has been failing, kept across restarts. */
public interface EndpointHealthBook {

  /** Records a failed attempt; returns since when the endpoint has been failing without success. */
  Instant failed(String subscriptionId, Instant at);

  void succeeded(String subscriptionId, Instant at);

  /** An in-memory book: for tests and single-process use. */
  static EndpointHealthBook inMemory() {
    java.util.Map<String, Instant> failingSince = new java.util.concurrent.ConcurrentHashMap<>();
    return new EndpointHealthBook() {
      @Override
      public Instant failed(String subscriptionId, Instant at) {
        return failingSince.merge(subscriptionId, at, (a, b) -> a.isBefore(b) ? a : b);
      }

      @Override
      public void succeeded(String subscriptionId, Instant at) {
        failingSince.remove(subscriptionId);
      }
    };
  }
}
