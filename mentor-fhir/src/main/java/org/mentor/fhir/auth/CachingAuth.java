package org.mentor.fhir.auth;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.NameValuePair;
import org.apache.http.message.BasicNameValuePair;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.http.BearerTokenSource;
import org.mentor.fhir.http.TokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one access token at a time for a token-issuing source: fetched when first asked for, fetched again shortly
 * before it expires (a margin of {@code refreshBefore}, at most half the token's lifetime) and after the server refused
 * it ({@link #rejected}; {@link org.mentor.fhir.http.FhirHttp} then sends the request once more). Thread-safe:
 * concurrent requests share the token and one fetch.
 */
abstract class CachingAuth implements BearerTokenSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CachingAuth.class);

  final TokenEndpoint endpoint;
  final Clock clock;
  final String clientId;
  final ImmutableList<String> scopes;
  private final Duration refreshBefore;
  private @Nullable AccessToken token;
  private @Nullable Instant fetchedAt;

  CachingAuth(TokenSourceBuilder<?> b) {
    this.endpoint = new TokenEndpoint(b.tokenEndpoint, b.connectTimeout, b.socketTimeout);
    this.clock = b.clock;
    this.clientId = b.clientId;
    this.scopes = b.scopes;
    this.refreshBefore = b.refreshBefore;
  }

  /** Asks the endpoint for a new token. */
  abstract AccessToken fetch(Instant now);

  /**
   * A client-credentials token request's form (RFC 6749 §4.4.2), to which the source adds how the client
   * authenticates: {@code grant_type} and, when any were set, the {@code scope}.
   */
  final List<NameValuePair> clientCredentialsForm() {
    List<NameValuePair> form = new ArrayList<>();
    form.add(new BasicNameValuePair("grant_type", "client_credentials"));
    if (!scopes.isEmpty()) {
      form.add(new BasicNameValuePair("scope", String.join(" ", scopes)));
    }
    return form;
  }

  /**
   * The token to send now: still valid for a while, or fetched first.
   *
   * @throws TokenException if a token was needed and the token endpoint did not give one
   */
  @Override
  public final synchronized String token() {
    Instant now = clock.instant();
    if (token == null || due(token, now)) {
      boolean refreshing = token != null;
      AccessToken fresh = fetch(now);
      token = fresh;
      fetchedAt = now;
      LOG.debug("{} an access token ({})", refreshing ? "refreshed" : "fetched",
          fresh.expiresAt().map(at -> "valid for " + Duration.between(now, at).toSeconds() + " s").orElse("no expiry given"));
    }
    return token.value();
  }

  private boolean due(AccessToken current, Instant now) {
    if (current.expiresAt().isEmpty() || fetchedAt == null) {
      return false; // no expiry given: kept until the server refuses it
    }
    Instant expiresAt = current.expiresAt().get();
    Duration lifetime = Duration.between(fetchedAt, expiresAt);
    Duration margin = refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
    return !now.isBefore(expiresAt.minus(margin));
  }

  /** The server refused this token (HTTP 401): the next {@link #token()} fetches a fresh one. */
  @Override
  public final synchronized void rejected(String refused) {
    if (token != null && refused.equals(token.value())) {
      token = null;
      LOG.debug("the server refused the access token (HTTP 401): a fresh one is fetched for the retry");
    }
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
