package io.newsmon.alerts;

import io.newsmon.common.JsonConsoleLogs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** JSON log lines from start on when {@code NEWSMON_LOG_FORMAT=json} (see JsonConsoleLogs). */
@ApplicationScoped
public class JsonLogs {

  void install(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
    if (JsonConsoleLogs.wanted()) {
      Logger.getLogger(JsonLogs.class)
          .infof("JSON logs on %d console handlers", JsonConsoleLogs.install());
    }
  }
}
