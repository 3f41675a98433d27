package org.mentor.fhir.http;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where the bearer token for {@code Authorization: Bearer …} comes from: a fixed token from the application's secret
 * store ({@link #of}), or a source that obtains and renews tokens (an OAuth2 client-credentials client, for one).
 *
 * <p>{@link FhirHttp} asks for the token before every request, so a source caches it and renews it when it nears
 * expiry. When the server refuses a token (HTTP 401), {@link FhirHttp} calls {@link #rejected} with it and, if the
 * source then gives a different token, sends the request once more (a 401 is answered before anything is written).
 * Implementations are thread-safe; they never log the token.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface BearerTokenSource {
  /**
   * The token to send now.
   *
   * @return the token, not blank
   */
  String token();

  /**
   * The server refused this token (HTTP 401): a renewing source drops it so that {@link #token()} fetches a new one.
   * The default does nothing (a fixed token cannot be renewed).
   *
   * @param token the token the server refused
   */
  default void rejected(String token) {}

  /**
   * A fixed token.
   *
   * @param token the token, not blank
   * @return the source
   */
  static BearerTokenSource of(String token) {
    requireNonNull(token, "token");
    checkArgument(!token.isBlank(), "the bearer token is blank");
    return new BearerTokenSource() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String toString() {
        return "BearerTokenSource.of(<redacted>)";
      }
    };
  }
}
