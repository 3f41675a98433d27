package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.mentor.core.EventId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Subject;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.terminology.Code;

/**
 * What an import mapper needs to turn one resource into an event: the event's id and recording,
 * how references to people resolve, and refusals that name the resource and element. Not
 * thread-safe (one per resource).
 */
final class ReadContext {
  final MentorUris uris;
  final ZoneId zone;
  final String label;
  final EventId id;
  final Instant recordedAt;
  final RecordedBy recordedBy;
  private final Function<Reference, Subject> people;
  private final Function<Reference, MentorId> mentors;

  ReadContext(MentorUris uris, ZoneId zone, String label, EventId id, Instant recordedAt, RecordedBy recordedBy,
      Function<Reference, Subject> people, Function<Reference, MentorId> mentors) {
    this.uris = requireNonNull(uris, "uris");
    this.zone = requireNonNull(zone, "zone");
    this.label = requireNonNull(label, "label");
    this.id = requireNonNull(id, "id");
    this.recordedAt = requireNonNull(recordedAt, "recordedAt");
    this.recordedBy = requireNonNull(recordedBy, "recordedBy");
    this.people = requireNonNull(people, "people");
    this.mentors = requireNonNull(mentors, "mentors");
  }

  InvalidFhirException refuse(String element, FhirRule rule) {
    return new InvalidFhirException(label, element, rule);
  }

  /** The person a reference names; refused if it names nobody Mentor knows or no person. */
  Subject person(Reference reference, String element) {
    if (reference == null || reference.isEmpty()) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    try {
      return people.apply(reference);
    } catch (InvalidFhirException e) {
      throw new InvalidFhirException(label, element, e.rule().orElse(FhirRule.DANGLING_REFERENCE));
    }
  }

  /** The mentor a reference names; refused if it names no mentor. */
  MentorId mentor(Reference reference, String element) {
    if (reference == null || reference.isEmpty()) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    try {
      return mentors.apply(reference);
    } catch (InvalidFhirException e) {
      String where = e.element().isEmpty() ? element : element + e.element();
      throw new InvalidFhirException(label, where, e.rule().orElse(FhirRule.DANGLING_REFERENCE));
    }
  }

  /** The date part of a date or dateTime (the clinic-local date the sender wrote). */
  LocalDate date(@Nullable DateTimeType value, String element) {
    if (value == null || value.isEmpty() || value.getValueAsString() == null) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    return parseDate(value.getValueAsString(), element);
  }

  LocalDate date(@Nullable DateType value, String element) {
    if (value == null || value.isEmpty() || value.getValueAsString() == null) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    return parseDate(value.getValueAsString(), element);
  }

  private LocalDate parseDate(String text, String element) {
    if (text.length() < 10) {
      throw refuse(element, FhirRule.INVALID_VALUE); // a year or a month is not a date
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (RuntimeException e) {
      throw refuse(element, FhirRule.INVALID_VALUE);
    }
  }

  /** The first coding of a concept that one of the codes matches, as that code's index. */
  int oneOf(@Nullable CodeableConcept concept, String element, List<Code> codes) {
    if (concept == null || concept.isEmpty()) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    Optional<Integer> found = find(concept, codes);
    return found.orElseThrow(() -> refuse(element, FhirRule.UNKNOWN_CODE));
  }

  static Optional<Integer> find(@Nullable CodeableConcept concept, List<Code> codes) {
    if (concept == null) {
      return Optional.empty();
    }
    for (Coding coding : concept.getCoding()) {
      for (int i = 0; i < codes.size(); i++) {
        if (codes.get(i).matches(coding)) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  /** The code of a Mentor code system in a concept, if any. */
  Optional<String> mentorCode(@Nullable CodeableConcept concept, String codeSystem) {
    if (concept == null) {
      return Optional.empty();
    }
    String system = uris.codeSystem(codeSystem);
    return concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode).findFirst();
  }

  /** A value of a Mentor enum from a Mentor code system in a concept; refused when absent or unknown. */
  <E extends Enum<E>> E mentorEnum(@Nullable CodeableConcept concept, String codeSystem, Class<E> type, String element) {
    if (concept == null || concept.isEmpty()) {
      throw refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    String code = mentorCode(concept, codeSystem).orElseThrow(() -> refuse(element, FhirRule.UNKNOWN_CODE));
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw refuse(element, FhirRule.UNKNOWN_CODE);
    }
  }
}
