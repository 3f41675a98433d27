package org.mentor.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Every rule Mentor checks, with a stable id that appears in exception messages, data-quality
 * issues, {@code docs/rules.md} and the rule's own test. Ids never change meaning; retired rules
 * keep their ids.
 *
 * <p>A {@linkplain Severity#HARD hard} rule refuses the event and changes nothing: the data is
 * physically or structurally impossible. A {@linkplain Severity#SOFT soft} rule accepts the event
 * and attaches a {@link DataQualityIssue} to the case: clinics record late and messy data, and
 * refusing a real lab result would open exactly the gap Mentor exists to close.
 */
@API(status = STABLE, since = "0.1")
public enum Rule {
  EVENT_ID_REUSED("EVT-001", Severity.HARD, false, "an event id is used once; the same id was recorded with other content"),
  TARGET_UNKNOWN("EVT-002", Severity.HARD, false, "a correction or void must name an event already recorded on the case"),
  CORRECTION_CHANGES_KIND("EVT-003", Severity.HARD, true, "a correction replaces a recorded event (not a void) with one of the same kind"),
  VOID_OF_VOID("EVT-004", Severity.HARD, false, "a void withdraws a recorded event; it cannot withdraw a void"),
  CORRECTION_ID_MISMATCH("EVT-005", Severity.HARD, false, "a correction's replacement carries a new id, not the id of the event it corrects"),
  ENROLMENT_VOIDED("EVT-006", Severity.HARD, true, "an enrolment cannot be voided (correct it instead; a case filed in error is purged by the store)"),
  CASE_UNKNOWN("CASE-001", Severity.HARD, false, "events are recorded for a case that has been enrolled"),
  NOT_ENROLLED("CASE-002", Severity.HARD, true, "a case's first event is its enrolment"),
  ENROLLED_TWICE("CASE-003", Severity.HARD, false, "a case is enrolled once; use a correction to change the enrolment"),
  CASE_ALREADY_EXISTS("CASE-004", Severity.HARD, false, "a case id is enrolled once"),
  CASE_VERSION_CONFLICT("CASE-005", Severity.HARD, true, "a write that expects a case version applies only at that version"),
  PROTOCOL_NOT_REGISTERED("CASE-006", Severity.HARD, true, "a case is enrolled under, or moved to, a protocol id and version that Mentor was configured with"),
  GESTATIONAL_AGE_RANGE("ENR-001", Severity.HARD, true, "gestational age at enrolment lies between 0 and 45 weeks"),
  DATING_CONFLICT("ENR-002", Severity.HARD, false, "LMP and EDD, when both given, agree within 14 days (EDD = LMP + 280 days)"),
  INFANT_UNKNOWN("INF-001", Severity.HARD, false, "an infant event names an infant born in this case's recorded delivery"),
  INFANT_EVENT_BEFORE_BIRTH("INF-002", Severity.HARD, false, "an infant event cannot precede the infant's birth"),
  STILLBORN_INFANT("INF-003", Severity.HARD, false, "infant care events apply to live-born infants only"),
  TEST_BEFORE_BIRTH("EID-001", Severity.HARD, false, "a sample cannot precede birth"),
  RESULT_BEFORE_SAMPLE("LAB-001", Severity.HARD, false, "a result cannot be returned before its sample was taken"),
  NEGATIVE_VIRAL_LOAD("VL-001", Severity.HARD, true, "a viral load is zero or more copies/mL"),
  NEGATIVE_PILL_COUNT("ADH-001", Severity.HARD, true, "pill counts are zero or more"),
  MORE_REMAINING_THAN_DISPENSED("ADH-002", Severity.HARD, true, "pills remaining cannot exceed pills dispensed"),
  NEGATIVE_DAYS_SINCE_DISPENSING("ADH-003", Severity.HARD, true, "days since dispensing are zero or more"),
  DAILY_DOSES_POSITIVE("ADH-004", Severity.HARD, true, "a regimen has one or more daily doses"),
  DISPENSED_QUANTITY_POSITIVE("ARV-001", Severity.HARD, true, "a dispensing has a quantity and days' supply of one or more"),
  DELIVERY_BEFORE_PREGNANCY("DEL-001", Severity.HARD, false, "a delivery falls after the start of the pregnancy (LMP)"),
  DELIVERY_WITHOUT_BIRTHS("DEL-002", Severity.HARD, true, "a delivery records one or more births, each with its own infant id"),
  DELIVERED_TWICE("DEL-003", Severity.HARD, false, "a case is one pregnancy and has one delivery; use a correction to change it"),
  BIRTH_WEIGHT_RANGE("DEL-004", Severity.HARD, true, "a birth weight lies between 200 g and 7000 g"),

  VISIT_AFTER_TRANSFER_OUT("DQ-001", Severity.SOFT, false, "a contact after a transfer out is taken as an implicit return"),
  VIRAL_LOAD_AFTER_DEATH("DQ-002", Severity.SOFT, false, "a viral load dated after a recorded death (wrong patient?)"),
  ART_BEFORE_DIAGNOSIS("DQ-003", Severity.SOFT, false, "ART start dated before any positive HIV test or known-positive enrolment"),
  UNEXPECTED_TRANSITION("DQ-004", Severity.SOFT, false, "an event the pathway's transition table does not expect in the current state"),
  ORPHANED_INFANT_EVENT("DQ-005", Severity.SOFT, false, "an infant event whose infant is no longer in the recorded delivery (after a correction or void); ignored"),
  EVENT_AFTER_DEATH("DQ-006", Severity.SOFT, false, "an event for a person dated after that person's recorded death"),
  PILL_COUNT_IMPLAUSIBLE("DQ-007", Severity.SOFT, false, "pill-count adherence above the protocol's plausible maximum (adherence.checkCountAbovePercent): check the count"),
  PROPHYLAXIS_LATE_START("DQ-008", Severity.SOFT, false, "infant prophylaxis started later than the protocol's limit after birth"),

  EVENT_JSON_UNREADABLE("JSON-001", Severity.HARD, false, "an event's JSON is well-formed, with an object at its root"),
  EVENT_TYPE_UNKNOWN("JSON-002", Severity.HARD, true, "an event's JSON names a known event type"),
  EVENT_SCHEMA_VERSION_UNSUPPORTED("JSON-003", Severity.HARD, true, "an event's JSON carries a schema version this library reads"),
  EVENT_FIELD_UNKNOWN("JSON-004", Severity.HARD, true, "an event's JSON holds only the fields of its type"),
  EVENT_FIELD_MISSING("JSON-005", Severity.HARD, true, "an event's JSON holds every required field of its type"),
  EVENT_FIELD_INVALID("JSON-006", Severity.HARD, false, "an event's JSON field has the type and form its definition requires"),

  PROTOCOL_UNREADABLE("PRO-001", Severity.HARD, true, "a protocol file is well-formed JSON with an object at its root"),
  PROTOCOL_UNKNOWN_FIELD("PRO-002", Severity.HARD, true, "a protocol names only values Mentor defines"),
  PROTOCOL_MISSING_VALUE("PRO-003", Severity.HARD, true, "a protocol gives every value Mentor needs"),
  PROTOCOL_WRONG_TYPE("PRO-004", Severity.HARD, true, "a protocol value has the type its definition requires"),
  PROTOCOL_MISSING_SOURCE("PRO-005", Severity.HARD, true, "every protocol value names its source and a confidence mark"),
  PROTOCOL_VALUE_RANGE("PRO-006", Severity.HARD, true, "a protocol value lies in its allowed range"),
  PROTOCOL_PARENT_UNKNOWN("PRO-007", Severity.HARD, true, "a protocol's parent is a protocol already loaded (built-in or given)"),
  PROTOCOL_WINDOW_ORDER("PRO-008", Severity.HARD, true, "a milestone's window opens on or before its due date, and it is overdue after it"),
  PROTOCOL_UNKNOWN_REFERENCE("PRO-009", Severity.HARD, true, "a milestone names only milestones the protocol defines"),
  PROTOCOL_UNKNOWN_CODE("PRO-010", Severity.HARD, true, "a protocol uses only the codes of Mentor's closed vocabulary (anchors, events, test types, cancel reasons)"),
  PROTOCOL_DUPLICATE("PRO-011", Severity.HARD, true, "rules sharing a milestone id differ in when they apply");

  /** Whether a rule refuses the event or flags it. */
  public enum Severity {
    /** The event is refused and the case is unchanged. */
    HARD,
    /** The event is accepted and a data-quality issue is attached to the case. */
    SOFT
  }

  private final String id;
  private final Severity severity;
  private final boolean echoesValue;
  private final String description;

  Rule(String id, Severity severity, boolean echoesValue, String description) {
    this.id = id;
    this.severity = severity;
    this.echoesValue = echoesValue;
    this.description = description;
  }

  /** The stable id, such as {@code EID-001}. */
  public String id() {
    return id;
  }

  /** Whether the rule refuses the event ({@code HARD}) or flags it ({@code SOFT}). */
  public Severity severity() {
    return severity;
  }

  /**
   * Whether a rejected value may appear in a message even with redaction on: true only for
   * impossible values (a negative count), never for dates, results or identifiers.
   */
  public boolean echoesValue() {
    return echoesValue;
  }

  /** What the rule requires, in words that match the check. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return id + ": " + description;
  }
}
