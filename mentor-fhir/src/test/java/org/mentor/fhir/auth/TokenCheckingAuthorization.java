package org.mentor.fhir.auth;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FHIR server's side, as a national server checks the tokens its authorization server issues: HAPI's
 * {@link AuthorizationInterceptor} allows everything to a valid token of the {@link TokenServer} and nothing
 * otherwise; a missing, unknown, revoked or expired token gets HTTP 401 with {@code WWW-Authenticate: Bearer
 * error="invalid_token"} before anything else looks at the request. Counts the 401s it gave.
 */
final class TokenCheckingAuthorization extends AuthorizationInterceptor {
  private final TokenServer tokens;
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger accepted = new AtomicInteger();
  volatile boolean refuseAll;

  TokenCheckingAuthorization(TokenServer tokens) {
    this.tokens = tokens;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = Integer.MIN_VALUE)
  public void authenticate(RequestDetails request) {
    if (!valid(request)) {
      refused.incrementAndGet();
      AuthenticationException e = new AuthenticationException("The access token is not valid");
      e.addResponseHeader("WWW-Authenticate", "Bearer realm=\"mentor-tests\", error=\"invalid_token\"");
      throw e;
    }
    accepted.incrementAndGet();
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    return valid(request) ? new RuleBuilder().allowAll("valid token").build() : new RuleBuilder().denyAll("no valid token").build();
  }

  private boolean valid(RequestDetails request) {
    String header = request.getHeader("Authorization");
    return !refuseAll && header != null && header.startsWith("Bearer ") && tokens.valid(header.substring("Bearer ".length()));
  }
}
