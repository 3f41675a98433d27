package org.mentor.fhir.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.net.URI;
import java.time.Duration;

/** Checks shared by the auth builders. */
final class Settings {
  private Settings() {}

  static URI endpoint(URI url) {
    requireNonNull(url, "tokenEndpoint");
    checkArgument(url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null,
        "the token endpoint is an absolute http(s) URL");
    return url;
  }

  static ImmutableList<String> scopes(String... scopes) {
    requireNonNull(scopes, "scopes");
    for (String scope : scopes) {
      requireNonNull(scope, "a scope");
      // RFC 6749 §3.3: scope tokens are printable ASCII without space, '"' or '\'.
      checkArgument(scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"), "a scope is a non-empty token without spaces, quotes or backslashes");
    }
    return ImmutableList.copyOf(scopes);
  }

  static Duration positive(Duration d, String name) {
    requireNonNull(d, name);
    checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive", name);
    return d;
  }

  static Duration notNegative(Duration d, String name) {
    requireNonNull(d, name);
    checkArgument(!d.isNegative(), "%s must not be negative", name);
    return d;
  }
}
