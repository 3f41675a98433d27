package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The kinds of event. The declaration order is the <b>intra-day rank</b>: events are folded in the
 * order {@code (occurredOn, kind, id)}, so a delivery, the infant's prophylaxis start and a birth
 * PCR on one day are always applied in that order, whatever order they arrived in.
 */
@API(status = STABLE, since = "0.1")
public enum EventKind {
  ENROLLED(Scope.CASE),
  PROTOCOL_CHANGED(Scope.CASE),
  TRANSFERRED_IN(Scope.SUBJECT),
  MENTOR_ASSIGNED(Scope.CASE),
  CONSENT_RECORDED(Scope.MOTHER),
  MATERNAL_HIV_TESTED(Scope.MOTHER),
  ART_STARTED(Scope.MOTHER),
  REGIMEN_CHANGED(Scope.MOTHER),
  ARVS_DISPENSED(Scope.MOTHER),
  PILL_COUNTED(Scope.MOTHER),
  VIRAL_LOAD_RESULTED(Scope.MOTHER),
  ADHERENCE_COUNSELLED(Scope.MOTHER),
  APPOINTMENT_KEPT(Scope.MOTHER),
  RETURNED_TO_CARE(Scope.MOTHER),
  MENTOR_VISITED(Scope.CASE),
  TRACING_ATTEMPTED(Scope.MOTHER),
  APPOINTMENT_SET(Scope.MOTHER),
  DELIVERED(Scope.CASE),
  INFANT_PROPHYLAXIS_STARTED(Scope.CASE),
  FEEDING_RECORDED(Scope.CASE),
  INFANT_HIV_TESTED(Scope.CASE),
  INFANT_ART_STARTED(Scope.CASE),
  COTRIMOXAZOLE_STARTED(Scope.CASE),
  INFANT_PROPHYLAXIS_STOPPED(Scope.CASE),
  COTRIMOXAZOLE_STOPPED(Scope.CASE),
  TRANSFERRED_OUT(Scope.SUBJECT),
  DIED(Scope.SUBJECT),
  CORRECTED(Scope.SUBJECT),
  VOIDED(Scope.SUBJECT);

  /** Whose history an event belongs to. */
  public enum Scope {
    /** The mother's own HIV care, shared by all her cases. */
    MOTHER,
    /** This pregnancy and its infants. */
    CASE,
    /** Decided by the event's subject (or, for corrections and voids, by their target). */
    SUBJECT
  }

  private final Scope scope;

  EventKind(Scope scope) {
    this.scope = scope;
  }

  /** Whose history events of this kind belong to. */
  public Scope scope() {
    return scope;
  }
}
