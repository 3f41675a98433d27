package org.mentor.fhir.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.pull.PullCursor;
import org.mentor.fhir.push.CaseFailure;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/**
 * SMART Backend Services: the token request carries a client assertion that the test's token endpoint verifies with
 * the registered public key (RS384 and ES384) and checks claim by claim; a key the endpoint does not know gets no
 * token and the push writes nothing.
 */
@ExtendWith(FhirTestServerExtension.class)
class SmartBackendServicesTest {
  private static final String CLIENT = "mentor-clinic-17";

  private SyncWorld world;
  private TokenServer tokens;
  private TokenCheckingAuthorization fhirChecks;
  private FhirTestServer server;

  @BeforeEach
  void start(FhirTestServer server) throws Exception {
    this.server = server;
    world = new SyncWorld("S5");
    tokens = new TokenServer(world.clock, Duration.ofMinutes(5), CLIENT);
    fhirChecks = new TokenCheckingAuthorization(tokens);
    server.registerInterceptor(fhirChecks);
  }

  @AfterEach
  void stop() {
    server.unregisterInterceptor(fhirChecks);
    tokens.close();
  }

  private static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  private static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  @Test
  void an_rs384_assertion_is_verified_by_the_token_endpoint_and_the_token_it_buys_pushes_and_pulls() throws Exception {
    KeyPair key = rsa(2048);
    tokens.key(key.getPublic(), "kid-2026");
    try (SmartBackendServices auth = SmartBackendServices.builder(tokens.url(), CLIENT, key.getPrivate(), "kid-2026")
        .scopes("system/Observation.rs", "system/ServiceRequest.cu").clock(world.clock).build()) {
      assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().push().complete()).isTrue();
      assertThat(FhirPull.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().pull(PullCursor.start()).complete()).isTrue();

      assertThat(tokens.issued()).isEqualTo(1);
      assertThat(tokens.assertions).singleElement().satisfies(a -> {
        assertThat(a.algorithm()).isEqualTo(JWSAlgorithm.RS384);
        assertThat(a.keyId()).isEqualTo("kid-2026");
        assertThat(a.type()).isEqualTo("JWT");
        assertThat(a.claims().getIssuer()).isEqualTo(CLIENT);
        assertThat(a.claims().getSubject()).isEqualTo(CLIENT);
        assertThat(a.claims().getAudience()).containsExactly(tokens.url().toString());
        assertThat(a.claims().getIssueTime().toInstant()).isEqualTo(world.now());
        assertThat(Duration.between(a.claims().getIssueTime().toInstant(), a.claims().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(5));
      });
      assertThat(tokens.scopes).containsExactly("system/Observation.rs system/ServiceRequest.cu");
      assertThat(fhirChecks.accepted.get()).isPositive();

      // The next token is bought with a new assertion (a new jti: the endpoint refuses a replay).
      world.clock.add(Duration.ofMinutes(4) .plusSeconds(30));
      world.lateResult(org.mentor.core.CaseId.of("s5"), 900);
      assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().push().complete()).isTrue();
      assertThat(tokens.assertions).hasSize(2);
      assertThat(tokens.assertions.get(1).claims().getJWTID()).isNotEqualTo(tokens.assertions.get(0).claims().getJWTID());
    }
  }

  @Test
  void an_es384_assertion_on_p384_is_verified_too() throws Exception {
    KeyPair key = ec("secp384r1");
    tokens.key(key.getPublic(), "ec-1");
    try (SmartBackendServices auth = SmartBackendServices.builder(tokens.url(), CLIENT, key.getPrivate(), "ec-1").clock(world.clock).build()) {
      assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().push().complete()).isTrue();
    }
    assertThat(tokens.assertions).singleElement().satisfies(a -> assertThat(a.algorithm()).isEqualTo(JWSAlgorithm.ES384));
  }

  @Test
  void an_assertion_signed_with_a_key_the_endpoint_does_not_hold_buys_no_token_and_the_push_writes_nothing() throws Exception {
    tokens.key(rsa(2048).getPublic(), "kid-2026");
    try (SmartBackendServices auth = SmartBackendServices.builder(tokens.url(), CLIENT, rsa(2048).getPrivate(), "kid-2026").clock(world.clock).build()) {
      PushReport push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().push();
      assertThat(push.unauthorized()).isTrue();
      assertThat(push.failures()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(CaseFailure.Kind.UNAUTHORIZED);
        assertThat(f.httpStatus()).isEqualTo(401);
      });
    }
    assertThat(tokens.issued()).isZero();
    assertThat(tokens.refusals).containsOnly("invalid_client");
    assertThat(fhirChecks.accepted.get() + fhirChecks.refused.get()).as("the FHIR server was never asked").isZero();
  }

  @Test
  void keys_that_cannot_sign_rs384_or_es384_are_refused_when_built() throws Exception {
    assertThatThrownBy(() -> SmartBackendServices.builder(tokens.url(), CLIENT, ec("secp256r1").getPrivate(), "k").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-384");
    assertThatThrownBy(() -> SmartBackendServices.builder(tokens.url(), CLIENT, rsa(1024).getPrivate(), "k").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmartBackendServices.builder(tokens.url(), CLIENT, rsa(2048).getPrivate(), "k").assertionLifetime(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
