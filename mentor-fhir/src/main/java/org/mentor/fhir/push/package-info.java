/**
 * Push: writes the cases of a {@link org.mentor.core.registry.CaseRegistry} to a FHIR R4 server, one transaction
 * Bundle per changed case, idempotently (conditional update on business identifiers, or PUT with deterministic ids),
 * resuming from a {@link org.mentor.fhir.push.PushJournal} after any failure. Guarantees and configuration:
 * docs/fhir-sync.md.
 */
package org.mentor.fhir.push;
