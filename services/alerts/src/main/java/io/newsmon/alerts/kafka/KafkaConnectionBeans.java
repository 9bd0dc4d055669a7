package io.newsmon.alerts.kafka;

import io.newsmon.alerts.AlertsConfig;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.QuarkusKafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The one {@link KafkaConnection} every Kafka client the service makes itself is given (the
 * compacted-topic views and writers, the delivery queue, the dead-letter producer, the ops page's
 * admin client, the live stream, the health check): the brokers and the security settings of
 * Quarkus' global {@code kafka.*} configuration, which the SmallRye channels read too, so both
 * connect alike.
 */
@ApplicationScoped
public class KafkaConnectionBeans {

  private static final Logger LOG = Logger.getLogger(KafkaConnectionBeans.class);

  // @Singleton: a record cannot be given the client proxy @ApplicationScoped needs.
  @Produces
  @Singleton
  KafkaConnection kafkaConnection(AlertsConfig alerts, Config config) {
    KafkaConnection kafka =
        QuarkusKafkaSettings.connection(
            alerts.bootstrapServers(),
            config.getPropertyNames(),
            name -> config.getOptionalValue(name, String.class));
    LOG.infof("connecting to Kafka as %s", kafka); // names the settings, never their values
    return kafka;
  }
}
