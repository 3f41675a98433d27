package org.mentor.fhir.push;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How each resource of a case's transaction is written (shared/fhir/MAPPING.md §7, Decision). Never a plain POST,
 * never a conditional create: both duplicate on retry or under concurrency.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PushMode {
  /**
   * {@code PUT Type?identifier=system|value} (Provenance, which has no identifier: {@code PUT
   * Provenance?_tag=system|id}). Works on any server, including those that refuse client-assigned ids; assumes one
   * writer per case (two writers creating the same new resource at the same moment can both create it).
   */
  CONDITIONAL_UPDATE,
  /**
   * {@code PUT Type/id} with the mapping's deterministic id (a name-based UUID of type, system and value). For
   * deployments with concurrent writers: two writers of one resource address the same row, so they can never
   * duplicate it. Needs a server that accepts client-assigned ids (HAPI: {@code ClientIdStrategy} ALPHANUMERIC).
   */
  DETERMINISTIC_ID
}
