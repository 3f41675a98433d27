/**
 * Token sources ({@link org.mentor.fhir.http.BearerTokenSource}) for national FHIR servers, for the push, the pull and
 * the reconcile alike: OAuth 2.0 client credentials (RFC 6749 §4.4) and SMART Backend Services (a client assertion
 * signed with RS384 or ES384). Tokens are fetched when first needed, refreshed before they expire and once more after
 * a 401. Secrets and keys come
 * from the caller, never from a file the library reads by itself, and are never logged. Configuration:
 * docs/fhir-sync.md, "Authentication".
 */
@NullMarked
package org.mentor.fhir.auth;

import org.jspecify.annotations.NullMarked;
