/**
 * A real HAPI FHIR JPA R4 server, started in-process on {@code 127.0.0.1} over an in-memory H2 database, for tests,
 * the demo and the benchmarks: {@link org.mentor.fhir.testserver.FhirTestServer} (plain Java: start, base URL, stop,
 * start again on the same port with the same data, close) and
 * {@link org.mentor.fhir.testserver.FhirTestServerExtension} (JUnit 5: one shared server per test JVM and settings).
 * {@link org.mentor.fhir.testserver.ServerSettings} switches on what national servers turn on: bearer-token
 * authorization, request validation, referential integrity, no client-assigned ids. No library module depends on this
 * one at runtime. How the server is assembled: {@code ../shared/fhir/JPA-TEST-SERVER.md}.
 */
@NullMarked
package org.mentor.fhir.testserver;

import org.jspecify.annotations.NullMarked;
