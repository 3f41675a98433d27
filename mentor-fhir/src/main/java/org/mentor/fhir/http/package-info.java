/**
 * HTTP to a FHIR server, shared by the push, the pull and the reconcile: {@link org.mentor.fhir.http.FhirHttp} (one
 * connection pool, timeouts, FHIR JSON), {@link org.mentor.fhir.http.BearerTokenSource} (a fixed token, or a renewing
 * source such as an OAuth2 client), and {@link org.mentor.fhir.http.FhirClientBuilder}, the settings the three clients'
 * builders share (token source, timeouts, retries, redaction), which gives each client its
 * {@link org.mentor.fhir.http.FhirConnection}.
 */
package org.mentor.fhir.http;
