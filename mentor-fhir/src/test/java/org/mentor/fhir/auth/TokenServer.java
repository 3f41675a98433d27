package org.mentor.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small OAuth 2.0 token endpoint for tests, served by Jetty on 127.0.0.1 in this JVM: client credentials with a
 * secret (HTTP Basic or form), or SMART Backend Services with a signed client assertion, which it verifies with the
 * registered public key (nimbus-jose-jwt) and checks claim by claim (iss, sub, aud, exp within five minutes, unique
 * jti). It issues random bearer tokens valid for a set lifetime by the test's clock and remembers them, so the FHIR
 * server's interceptor can check a token ({@link #valid(String)}) and the test can revoke one.
 */
final class TokenServer implements AutoCloseable {
  /** A verified client assertion: its header and claims, as the endpoint read them. */
  record Assertion(JWSAlgorithm algorithm, String keyId, String type, JWTClaimsSet claims) {}

  private final Clock clock;
  private final Duration lifetime;
  private final String clientId;
  private volatile String secret = "";
  private volatile PublicKey publicKey;
  private volatile String keyId = "";
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Set<String> jtis = Collections.synchronizedSet(new HashSet<>());
  final List<String> scopes = Collections.synchronizedList(new ArrayList<>());
  final List<Assertion> assertions = Collections.synchronizedList(new ArrayList<>());
  final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
  private final Server jetty;

  TokenServer(Clock clock, Duration lifetime, String clientId) throws Exception {
    this.clock = clock;
    this.lifetime = lifetime;
    this.clientId = clientId;
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new TokenServlet()), "/token");
    jetty.setHandler(context);
    jetty.start();
  }

  /** Accepts this client secret. */
  TokenServer secret(String secret) {
    this.secret = secret;
    return this;
  }

  /** Accepts assertions signed by the private key of this public key, with this kid. */
  TokenServer key(PublicKey key, String kid) {
    this.publicKey = key;
    this.keyId = kid;
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/token");
  }

  int issued() {
    return tokens.size();
  }

  Set<String> allIssued() {
    return Set.copyOf(tokens.keySet());
  }

  /** Whether a token was issued here, is not revoked and has not expired by the clock. */
  boolean valid(String token) {
    Instant expires = tokens.get(token);
    return expires != null && !revoked.contains(token) && clock.instant().isBefore(expires);
  }

  void revoke(String token) {
    revoked.add(token);
  }

  void revokeAll() {
    revoked.addAll(tokens.keySet());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the test token server did not stop", e);
    }
  }

  private final class TokenServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String refusal = check(request);
      response.setContentType("application/json");
      if (refusal != null) {
        refusals.add(refusal);
        response.setStatus(refusal.equals("invalid_client") ? 401 : 400);
        response.getWriter().write("{\"error\":\"" + refusal + "\",\"error_description\":\"refused by the test token server\"}");
        return;
      }
      String token = UUID.randomUUID().toString().replace("-", "");
      tokens.put(token, clock.instant().plus(lifetime));
      String scope = request.getParameter("scope");
      scopes.add(scope == null ? "" : scope);
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime.toSeconds()
          + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
    }

    private String check(HttpServletRequest request) {
      if (!"client_credentials".equals(request.getParameter("grant_type"))) {
        return "unsupported_grant_type";
      }
      if (request.getParameter("client_assertion") != null) {
        return checkAssertion(request);
      }
      String id = request.getParameter("client_id");
      String given = request.getParameter("client_secret");
      String basic = request.getHeader("Authorization");
      if (basic != null && basic.startsWith("Basic ")) {
        String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
        id = java.net.URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        given = java.net.URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), StandardCharsets.UTF_8);
      }
      return clientId.equals(id) && !secret.isEmpty() && secret.equals(given) ? null : "invalid_client";
    }

    private String checkAssertion(HttpServletRequest request) {
      if (!SmartBackendServices.ASSERTION_TYPE.equals(request.getParameter("client_assertion_type"))) {
        return "invalid_request";
      }
      try {
        SignedJWT jwt = SignedJWT.parse(request.getParameter("client_assertion"));
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (publicKey == null || !keyId.equals(jwt.getHeader().getKeyID())) {
          return "invalid_client";
        }
        JWSVerifier verifier;
        if (JWSAlgorithm.RS384.equals(alg) && publicKey instanceof RSAPublicKey rsa) {
          verifier = new RSASSAVerifier(rsa);
        } else if (JWSAlgorithm.ES384.equals(alg) && publicKey instanceof ECPublicKey ec) {
          verifier = new ECDSAVerifier(ec);
        } else {
          return "invalid_client";
        }
        if (!jwt.verify(verifier)) {
          return "invalid_client";
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Instant now = clock.instant();
        boolean ok = clientId.equals(claims.getIssuer()) && clientId.equals(claims.getSubject())
            && claims.getAudience().contains(url().toString())
            && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now)
            && !claims.getExpirationTime().toInstant().isAfter(now.plus(Duration.ofMinutes(5)))
            && claims.getJWTID() != null && jtis.add(claims.getJWTID());
        if (!ok) {
          return "invalid_client";
        }
        assertions.add(new Assertion(alg, jwt.getHeader().getKeyID(), jwt.getHeader().getType().toString(), claims));
        return null;
      } catch (ParseException | JOSEException e) {
        return "invalid_client";
      }
    }
  }
}
