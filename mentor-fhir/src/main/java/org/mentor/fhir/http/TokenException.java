package org.mentor.fhir.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link BearerTokenSource} could not give a token: the token endpoint gave none. {@link FhirHttp} answers a
 * request it could not authorize as the server would have (a refusal: HTTP 401, nothing sent), or, when trying again
 * later may succeed, as a request that got no answer ({@code IOException}). Says what the endpoint answered (its HTTP status and OAuth error code,
 * such as {@code invalid_client}), never a secret, an assertion or a token; the endpoint's free-text
 * {@code error_description} is left out too, as it may echo what the client sent.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String error;
  private final boolean transientFailure;

  /**
   * A token source's failure.
   *
   * @param message what happened, without a secret, an assertion or a token
   * @param httpStatus the token endpoint's status, 0 when it did not answer
   * @param error the OAuth error code, or empty
   * @param transientFailure whether trying again later may succeed
   */
  public TokenException(String message, int httpStatus, String error, boolean transientFailure) {
    super(message);
    this.httpStatus = httpStatus;
    this.error = error;
    this.transientFailure = transientFailure;
  }

  /** The token endpoint's HTTP status, or 0 when it gave no answer (refused, cut, timed out). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The OAuth error code the endpoint answered ({@code invalid_client}, {@code invalid_scope}...), or empty. */
  public String error() {
    return error;
  }

  /**
   * Whether trying again later may succeed (no answer, HTTP 429 or 5xx); otherwise the endpoint refused the client or
   * its request, and the configuration must change.
   */
  public boolean isTransient() {
    return transientFailure;
  }
}
