package org.mentor.fhir.testserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bearer-token authorization as a national server does it with HAPI's {@link AuthorizationInterceptor}: the configured
 * token gets full access; no token or another token gets HTTP 401 with a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750 §3). The CapabilityStatement ({@code GET /metadata}) stays public, as SMART on FHIR servers keep it.
 *
 * <p>The token is checked twice. First as soon as the request is parsed, before {@code RequestValidatingInterceptor}
 * (same pointcut, lower order), so that an unauthenticated client learns nothing from validation; then by the
 * authorization rules, which HAPI also applies to each entry of a transaction.
 */
final class BearerTokenAuthorization extends AuthorizationInterceptor {

  private static final String REALM = "mentor-fhir-testserver";

  private final byte[] expectedHeader;

  BearerTokenAuthorization(String token) {
    this.expectedHeader = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
  }

  /** Runs before every other interceptor on this pointcut (in particular before request validation). */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = Integer.MIN_VALUE)
  public void authenticate(RequestDetails request) {
    if (!isMetadata(request) && !hasExpectedToken(request)) {
      throw unauthorized(request);
    }
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    if (hasExpectedToken(request)) {
      return new RuleBuilder().allowAll("bearer token").build();
    }
    return new RuleBuilder().allow("capability statement").metadata().andThen().denyAll("no token").build();
  }

  private boolean hasExpectedToken(RequestDetails request) {
    @Nullable String header = request.getHeader("Authorization");
    // Constant time, as a real server compares credentials.
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII), expectedHeader);
  }

  private static boolean isMetadata(RequestDetails request) {
    return request.getRequestType() == RequestTypeEnum.GET && "metadata".equals(request.getRequestPath());
  }

  private static AuthenticationException unauthorized(RequestDetails request) {
    boolean tokenGiven = request.getHeader("Authorization") != null;
    AuthenticationException exception = new AuthenticationException(
        tokenGiven ? "The bearer token is not valid for this server" : "A bearer token is required");
    exception.addResponseHeader("WWW-Authenticate", tokenGiven
        ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
        : "Bearer realm=\"" + REALM + "\"");
    return exception;
  }
}
