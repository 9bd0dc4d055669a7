package io.newsmon.alerts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The whole alert service against a SASL_PLAINTEXT broker admitting one PLAIN user. */
@QuarkusTest
@QuarkusTestResource(value = SaslKafkaResource.class, restrictToAnnotatedClass = true)
class AlertServiceSaslIT extends SecuredKafkaAlertScenario {}
