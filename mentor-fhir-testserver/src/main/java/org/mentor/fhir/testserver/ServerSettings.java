package org.mentor.fhir.testserver;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link FhirTestServer} switches on, as the national servers Mentor pushes to do. Immutable and thread-safe;
 * equal settings share one server in {@link FhirTestServerExtension}.
 *
 * <p>Defaults ({@link #defaults()}) are those of a stock HAPI FHIR JPA server:
 * <ul>
 *   <li>{@code bearerToken}: empty, so no authorization: anyone may read and write;</li>
 *   <li>{@code requestValidation}: {@code false}, so resources are stored without validation;</li>
 *   <li>{@code referentialIntegrity}: {@code true}, so a reference to a missing resource is refused (HTTP 400) and
 *       so is deleting a referenced one (HTTP 409);</li>
 *   <li>{@code clientAssignedIds}: {@code true}, so {@code PUT Patient/abc} creates {@code Patient/abc} (purely numeric
 *       ids stay reserved for the server: HAPI's {@code ClientIdStrategy} {@code ALPHANUMERIC}).</li>
 * </ul>
 *
 * @param bearerToken when present, every request but {@code GET /metadata} must carry {@code Authorization: Bearer
 *     <token>} with this token and then has full access; no token or another token is answered with HTTP 401
 * @param requestValidation when {@code true}, request bodies are validated against the base R4 specification and a
 *     resource with an error is refused with HTTP 422 and an OperationOutcome
 * @param referentialIntegrity when {@code true}, references are checked on write and on delete
 * @param clientAssignedIds when {@code false}, a {@code PUT} to a resource id that does not exist is refused (HTTP
 *     404): the server assigns every id (HAPI's {@code ClientIdStrategy} {@code NOT_ALLOWED})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ServerSettings(
    Optional<String> bearerToken, boolean requestValidation, boolean referentialIntegrity, boolean clientAssignedIds) {

  private static final ServerSettings DEFAULTS = new ServerSettings(Optional.empty(), false, true, true);

  /**
   * Checks the token.
   *
   * @throws IllegalArgumentException if the token is blank or not an RFC 6750 {@code b64token}
   */
  public ServerSettings {
    requireNonNull(bearerToken, "bearerToken");
    bearerToken.ifPresent(ServerSettings::checkedToken);
  }

  /**
   * The settings of a stock HAPI FHIR JPA server (see the class comment).
   *
   * @return the defaults, not null
   */
  public static ServerSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Everything a national server turns on: bearer-token authorization with {@code bearerToken}, request validation,
   * referential integrity, and no client-assigned ids.
   *
   * @param bearerToken the token that gets full access, not null
   * @return the settings, not null
   * @throws IllegalArgumentException if the token is blank or not an RFC 6750 {@code b64token}
   */
  public static ServerSettings likeNationalServer(String bearerToken) {
    return new ServerSettings(Optional.of(bearerToken), true, true, false);
  }

  /** The token is a credential: it is never shown. */
  @Override
  public String toString() {
    return "ServerSettings[bearerToken=" + (bearerToken.isPresent() ? "(set)" : "(none)")
        + ", requestValidation=" + requestValidation
        + ", referentialIntegrity=" + referentialIntegrity
        + ", clientAssignedIds=" + clientAssignedIds + "]";
  }

  static String checkedToken(String token) {
    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    checkArgument(token.matches("[A-Za-z0-9\\-._~+/]+=*"),
        "bearerToken must be an RFC 6750 b64token: letters, digits and -._~+/ then optional '=' padding");
    return token;
  }
}
