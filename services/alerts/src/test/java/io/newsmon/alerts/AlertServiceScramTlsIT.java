package io.newsmon.alerts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole alert service against a broker shaped like the Kubernetes deployment's: SASL_SSL with
 * SCRAM-SHA-512, trusted through a PKCS12 truststore, configured by the {@code NEWSMON_*} variables
 * the manifests set.
 */
@QuarkusTest
@QuarkusTestResource(
    value = SaslKafkaResource.class,
    initArgs = @ResourceArg(name = SaslKafkaResource.KIND, value = "SCRAM_OVER_TLS"),
    restrictToAnnotatedClass = true)
class AlertServiceScramTlsIT extends SecuredKafkaAlertScenario {}
