/**
 * HTTP to a FHIR server, shared by push and pull: {@link org.mentor.fhir.http.FhirHttp} (one connection pool, timeouts,
 * FHIR JSON) and {@link org.mentor.fhir.http.BearerTokenSource} (a fixed token, or a renewing source such as an OAuth2
 * client).
 */
package org.mentor.fhir.http;
