package org.mentor.fhir.push;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.time.Duration;

/** Clients for reading the test server back (reconcile, lookups). */
final class Servers {
  private Servers() {}

  static IGenericClient reader(String baseUrl) {
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(PushWorld.FHIR);
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setSocketTimeout(60_000);
    return factory.newGenericClient(baseUrl);
  }

  static IGenericClient reader(String baseUrl, String token) {
    IGenericClient client = reader(baseUrl);
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  /** Fast retries for tests: many attempts, short pauses. */
  static RetryPolicy quickRetries(int attempts) {
    return new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(80));
  }
}
