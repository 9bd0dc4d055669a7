package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

  @Test
  void theQueueGaugesOutliveAGarbageCollection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // Capturing lambdas, as the queue's method references are: a new object each, which nothing
    // but the gauge holds (a non-capturing lambda is a constant the call site keeps alive).
    AtomicInteger pending = new AtomicInteger(7);
    AtomicInteger backlog = new AtomicInteger(3);
    new DeliveryMetrics(registry, Clock.systemUTC()).watch(pending::get, backlog::get);

    collectWeakReferences();

    assertThat(registry.get("newsmon.alerts.pending.deliveries").gauge().value()).isEqualTo(7);
    assertThat(registry.get("newsmon.alerts.retry.backlog").gauge().value()).isEqualTo(3);
  }

  /** Runs the collector until it has cleared a weakly held object, as it would a weak gauge's. */
  static void collectWeakReferences() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 20 && canary.get() != null; i++) {
      System.gc();
    }
    assertThat(canary.get()).as("a collection cleared weak references").isNull();
  }
}
