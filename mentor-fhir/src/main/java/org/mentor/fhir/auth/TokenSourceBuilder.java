package org.mentor.fhir.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings both token sources share (OAuth2 client credentials, SMART Backend Services): the token endpoint and
 * client id, the scopes, when a token is renewed, the clock, and the timeouts towards the endpoint. Each source's
 * builder extends it; {@link CachingAuth} reads it. Not thread-safe (a builder).
 *
 * @param <B> the source's builder, which each setting returns
 */
abstract class TokenSourceBuilder<B extends TokenSourceBuilder<B>> {
  final URI tokenEndpoint;
  final String clientId;
  ImmutableList<String> scopes = ImmutableList.of();
  private boolean scopesSet;
  Duration refreshBefore = Duration.ofSeconds(60);
  Clock clock = Clock.systemUTC();
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration socketTimeout = Duration.ofSeconds(30);

  TokenSourceBuilder(URI tokenEndpoint, String clientId) {
    this.tokenEndpoint = Settings.endpoint(tokenEndpoint);
    this.clientId = requireNonNull(clientId, "clientId");
    checkArgument(!clientId.isBlank(), "clientId is blank");
  }

  @SuppressWarnings("unchecked") // B is the subclass itself, as its declaration says
  private B self() {
    return (B) this;
  }

  /**
   * The scopes to ask for, such as {@code system/Observation.rs} (default none: the server's default); once.
   *
   * @param scopes the scope tokens (RFC 6749 §3.3)
   * @return this builder
   */
  public B scopes(String... scopes) {
    checkState(!scopesSet, "scopes are set already");
    this.scopes = Settings.scopes(scopes);
    scopesSet = true;
    return self();
  }

  /**
   * How long before a token's expiry a new one is fetched (default 60 s; at most half the token's lifetime).
   *
   * @param margin not negative
   * @return this builder
   */
  public B refreshBefore(Duration margin) {
    this.refreshBefore = Settings.notNegative(margin, "refreshBefore");
    return self();
  }

  /**
   * The clock that decides when a token is due, and dates a SMART client assertion (default the system clock; tests
   * pass their own).
   *
   * @param clock not null
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return self();
  }

  /**
   * How long to wait for a connection to the token endpoint (default 10 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Settings.positive(timeout, "connectTimeout");
    return self();
  }

  /**
   * How long to wait for the token endpoint's answer (default 30 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public B socketTimeout(Duration timeout) {
    this.socketTimeout = Settings.positive(timeout, "socketTimeout");
    return self();
  }
}
