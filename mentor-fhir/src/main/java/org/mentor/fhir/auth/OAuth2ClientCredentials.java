package org.mentor.fhir.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.http.NameValuePair;
import org.apache.http.message.BasicNameValuePair;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4), as national FHIR servers behind an authorization server ask of a
 * system client: the client's id and secret buy a bearer token for the requested scopes at the token endpoint; the
 * token is reused until shortly before it expires, then fetched again, and fetched again once after a 401.
 *
 * <pre>{@code
 * OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder(URI.create("https://auth.example.gov/token"), "mentor-clinic-17")
 *     .clientSecret(vault.secret("mentor-clinic-17"))        // the caller's secret store, never a file Mentor reads
 *     .scopes("system/Observation.rs", "system/ServiceRequest.cu")
 *     .build();
 * FhirPush push = FhirPush.builder(registry, mapping, base).auth(auth).build();     // a BearerTokenSource
 * }</pre>
 *
 * <p>The secret is sent in an HTTP Basic header by default ({@code client_secret_basic}, which RFC 6749 §2.3.1
 * requires every authorization server to accept), or in the form ({@code client_secret_post}). It is held as a
 * {@code char[]} copy, never logged and never part of an exception's message. Thread-safe; close it when done (it
 * holds a connection pool).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OAuth2ClientCredentials extends CachingAuth {
  /** Where the client's secret goes in the token request (RFC 6749 §2.3.1). */
  public enum SecretIn {
    /** An HTTP Basic {@code Authorization} header ({@code client_secret_basic}). */
    BASIC_HEADER,
    /** The form's {@code client_id} and {@code client_secret} ({@code client_secret_post}). */
    FORM
  }

  private final char[] secret;
  private final SecretIn secretIn;

  private OAuth2ClientCredentials(Builder b) {
    super(b);
    this.secret = requireNonNull(b.secret, "secret");
    this.secretIn = b.secretIn;
  }

  /**
   * A builder.
   *
   * @param tokenEndpoint the authorization server's token endpoint, an https (or, for tests, http) URL, not null
   * @param clientId the client id the authorization server registered, not null or blank
   * @return the builder
   */
  public static Builder builder(URI tokenEndpoint, String clientId) {
    return new Builder(tokenEndpoint, clientId);
  }

  @Override
  AccessToken fetch(Instant now) {
    List<NameValuePair> form = clientCredentialsForm();
    String basic = null;
    if (secretIn == SecretIn.FORM) {
      form.add(new BasicNameValuePair("client_id", clientId));
      form.add(new BasicNameValuePair("client_secret", new String(secret)));
    } else {
      // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded.
      String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(new String(secret), StandardCharsets.UTF_8);
      basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return endpoint.request(form, basic, now);
  }

  /** Never shows the secret or a token. */
  @Override
  public String toString() {
    return "OAuth2ClientCredentials[" + endpoint.url() + ", scopes=" + scopes + "]";
  }

  /**
   * Configures {@link OAuth2ClientCredentials}: the secret and where it goes, and the scopes, token renewal, clock and
   * timeouts every token source has; each setting once.
   */
  public static final class Builder extends TokenSourceBuilder<Builder> {
    private char @Nullable [] secret;
    private SecretIn secretIn = SecretIn.BASIC_HEADER;
    private boolean secretInSet;

    private Builder(URI tokenEndpoint, String clientId) {
      super(tokenEndpoint, clientId);
    }

    /** The client's secret, from the caller's secret store (copied; clear your array when done). Required. */
    public Builder clientSecret(char[] secret) {
      requireNonNull(secret, "secret");
      checkState(this.secret == null, "the client secret is set already");
      checkArgument(secret.length > 0, "the client secret is empty");
      this.secret = Arrays.copyOf(secret, secret.length);
      return this;
    }

    /** The client's secret, from the caller's secret store. Required. */
    public Builder clientSecret(String secret) {
      return clientSecret(requireNonNull(secret, "secret").toCharArray());
    }

    /** Where the secret goes (default {@link SecretIn#BASIC_HEADER}). */
    public Builder secretIn(SecretIn where) {
      checkState(!secretInSet, "secretIn is set already");
      this.secretIn = requireNonNull(where, "where");
      secretInSet = true;
      return this;
    }

    /**
     * Builds it; no request is made until the first {@link #token()}.
     *
     * @throws IllegalStateException if no client secret was given
     */
    public OAuth2ClientCredentials build() {
      checkState(secret != null, "a client secret is required");
      return new OAuth2ClientCredentials(this);
    }
  }
}
