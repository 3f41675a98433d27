package org.mentor.fhir.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.http.NameValuePair;
import org.apache.http.message.BasicNameValuePair;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.http.TokenException;

/**
 * SMART Backend Services (SMART App Launch 2.x, "Backend Services"): the client proves who it is with a short-lived
 * JWT it signs with its private key (RS384 or ES384; the server holds the public key, registered or at a JWKS URL),
 * and the token endpoint answers with a bearer token for the requested {@code system/} scopes. Tokens are reused,
 * refreshed and retried after a 401 like {@link OAuth2ClientCredentials}'.
 *
 * <pre>{@code
 * SmartBackendServices auth = SmartBackendServices.builder(URI.create("https://auth.example.gov/token"), "mentor-clinic-17",
 *         privateKey, "mentor-clinic-17-2026")              // the key from the caller's keystore; its kid at the server
 *     .scopes("system/Observation.rs", "system/ServiceRequest.cu")
 *     .build();
 * }</pre>
 *
 * <p>The assertion (RFC 7523 §3) has the header {@code alg}, {@code kid}, {@code typ: JWT} (and {@code jku} when
 * given) and the claims {@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint URL, {@code exp}
 * = now + at most five minutes, {@code iat} and a fresh random {@code jti}; it is sent as {@code client_assertion} with
 * {@code client_assertion_type = urn:ietf:params:oauth:client-assertion-type:jwt-bearer} and
 * {@code grant_type = client_credentials}. The JWT is built and signed with nimbus-jose-jwt. The key is never logged;
 * neither is an assertion or a token. Thread-safe; close it when done.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmartBackendServices extends CachingAuth {
  /** The signature algorithms SMART Backend Services requires servers to support. */
  public enum Algorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-384, for an RSA key of 2048 bits or more. */
    RS384,
    /** ECDSA on P-384 with SHA-384, for an EC key on the P-384 curve. */
    ES384
  }

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  /** SMART: the assertion's {@code exp} is no more than five minutes in the future. */
  private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final String keyId;
  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;
  private final @Nullable URI jku;
  private final Duration assertionLifetime;

  private SmartBackendServices(Builder b, JWSSigner signer) {
    super(b);
    this.keyId = b.keyId;
    this.algorithm = b.algorithm == Algorithm.RS384 ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
    this.signer = signer;
    this.jku = b.jku;
    this.assertionLifetime = b.assertionLifetime;
  }

  /**
   * A builder. The algorithm follows the key: RS384 for an RSA key, ES384 for an EC (P-384) key.
   *
   * @param tokenEndpoint the token endpoint (from the server's {@code .well-known/smart-configuration}), not null
   * @param clientId the client id the server registered, not null or blank
   * @param privateKey the client's private key (RSA of 2048 bits or more, or EC on P-384), from the caller, not null
   * @param keyId the {@code kid} of the matching public key at the server, not null or blank
   * @return the builder
   */
  public static Builder builder(URI tokenEndpoint, String clientId, PrivateKey privateKey, String keyId) {
    return new Builder(tokenEndpoint, clientId, privateKey, keyId);
  }

  @Override
  AccessToken fetch(Instant now) {
    List<NameValuePair> form = clientCredentialsForm();
    form.add(new BasicNameValuePair("client_assertion_type", ASSERTION_TYPE));
    form.add(new BasicNameValuePair("client_assertion", assertion(now)));
    return endpoint.request(form, null, now);
  }

  /** A signed client assertion, valid from now for the configured lifetime. */
  String assertion(Instant now) {
    JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT);
    if (jku != null) {
      header.jwkURL(jku);
    }
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(clientId)
        .subject(clientId)
        .audience(endpoint.url().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(assertionLifetime)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      // Only the kind of failure: nimbus' messages never hold the key, but keep it that way whatever they say.
      throw new TokenException("the client assertion could not be signed (" + e.getClass().getSimpleName() + ")", 0, "", false);
    }
    return jwt.serialize();
  }

  /** Never shows the key, an assertion or a token. */
  @Override
  public String toString() {
    return "SmartBackendServices[" + endpoint.url() + ", " + algorithm + ", kid=" + keyId + ", scopes=" + scopes + "]";
  }

  /**
   * Configures {@link SmartBackendServices}: the JWKS URL and the assertions' lifetime, and the scopes, token renewal,
   * clock and timeouts every token source has.
   */
  public static final class Builder extends TokenSourceBuilder<Builder> {
    private final PrivateKey privateKey;
    private final String keyId;
    private final Algorithm algorithm;
    private @Nullable URI jku;
    private Duration assertionLifetime = MAX_ASSERTION_LIFETIME;

    private Builder(URI tokenEndpoint, String clientId, PrivateKey privateKey, String keyId) {
      super(tokenEndpoint, clientId);
      this.privateKey = requireNonNull(privateKey, "privateKey");
      this.keyId = requireNonNull(keyId, "keyId");
      checkArgument(!keyId.isBlank(), "keyId is blank");
      if (privateKey instanceof RSAPrivateKey) {
        algorithm = Algorithm.RS384;
      } else if (privateKey instanceof ECPrivateKey) {
        algorithm = Algorithm.ES384;
      } else {
        throw new IllegalArgumentException("the private key is RSA (RS384) or EC on P-384 (ES384), not " + privateKey.getAlgorithm());
      }
    }

    /** The URL of the client's JWKS, sent as the {@code jku} header when the server looks keys up there. */
    public Builder jwksUrl(URI jku) {
      checkState(this.jku == null, "the JWKS URL is set already");
      this.jku = requireNonNull(jku, "jku");
      checkArgument("https".equals(jku.getScheme()) || "http".equals(jku.getScheme()), "the JWKS URL is an http(s) URL");
      return this;
    }

    /** How long each assertion is valid (default, and at most, 5 minutes). */
    public Builder assertionLifetime(Duration lifetime) {
      Settings.positive(lifetime, "assertionLifetime");
      checkArgument(lifetime.compareTo(MAX_ASSERTION_LIFETIME) <= 0, "an assertion is valid for at most 5 minutes");
      this.assertionLifetime = lifetime;
      return this;
    }

    /**
     * Builds it, checking that the key can sign with its algorithm (an RSA key of 2048 bits or more; an EC key on
     * P-384); no request is made until the first {@link #token()}.
     *
     * @throws IllegalArgumentException if the key cannot sign with RS384 or ES384
     */
    public SmartBackendServices build() {
      JWSSigner signer;
      try {
        if (algorithm == Algorithm.RS384) {
          signer = new RSASSASigner(privateKey);
          checkArgument(((RSAPrivateKey) privateKey).getModulus().bitLength() >= 2048, "an RSA key for RS384 has 2048 bits or more");
        } else {
          signer = new ECDSASigner((ECPrivateKey) privateKey);
          checkArgument(signer.supportedJWSAlgorithms().contains(JWSAlgorithm.ES384), "an EC key for ES384 is on the P-384 curve");
        }
      } catch (JOSEException e) {
        throw new IllegalArgumentException("the private key cannot sign with " + algorithm + " (" + e.getClass().getSimpleName() + ")");
      }
      return new SmartBackendServices(this, signer);
    }
  }
}
