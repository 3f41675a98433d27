package org.mentor.fhir.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An access token the endpoint issued and when it stops being valid (when the endpoint said so). Its value is never
 * shown by {@link #toString()}.
 *
 * @param value the token
 * @param expiresAt when it expires, computed from {@code expires_in} at the moment it was asked for
 */
record AccessToken(String value, Optional<Instant> expiresAt) {
  AccessToken {
    requireNonNull(value, "value");
    requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[****, expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
  }
}
