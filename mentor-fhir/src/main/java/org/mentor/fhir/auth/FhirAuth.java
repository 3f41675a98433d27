package org.mentor.fhir.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How requests to a FHIR server are authorized: the {@code Authorization} header of each request, and what to do
 * when the server answers 401. The push ({@code FhirPush.Builder.auth}), the pull and the reconcile take one.
 *
 * <pre>{@code
 * FhirAuth auth = OAuth2ClientCredentials.builder(URI.create("https://auth.example.gov/token"), "mentor-clinic-17")
 *     .clientSecret(secretFromYourVault)
 *     .scopes("system/Observation.rs", "system/ServiceRequest.cu")
 *     .build();
 * }</pre>
 *
 * <p>A client asks {@link #authorization()} before every request; when the server answers 401 it calls
 * {@link #refused(String)} with the header it sent and, if that returns {@code true}, sends the request once more
 * with a fresh {@link #authorization()}. Implementations are thread-safe and never log a credential.
 */
public interface FhirAuth {
  /**
   * The {@code Authorization} header for the next request, such as {@code Bearer eyJ...}: a token still valid for a
   * while, fetched or refreshed first if need be.
   *
   * @return the header value, never blank
   * @throws TokenException if a token was needed and the token endpoint did not give one
   */
  String authorization();

  /**
   * The server refused a request sent with this header (HTTP 401): forget the token, so the next
   * {@link #authorization()} fetches a fresh one.
   *
   * @param authorization the header that was refused, not null
   * @return whether a fresh credential can be tried: {@code false} for a fixed token, which the server would refuse
   *     again
   */
  boolean refused(String authorization);

  /**
   * A fixed bearer token, such as one an operator issued for the deployment. A 401 is final.
   *
   * @param token the token, from the caller's secret store, not null or blank
   * @return the auth
   */
  static FhirAuth bearerToken(String token) {
    requireNonNull(token, "token");
    checkArgument(!token.isBlank(), "the bearer token is blank");
    String header = "Bearer " + token;
    return new FhirAuth() {
      @Override
      public String authorization() {
        return header;
      }

      @Override
      public boolean refused(String authorization) {
        return false;
      }

      @Override
      public String toString() {
        return "FhirAuth.bearerToken(****)";
      }
    };
  }
}
