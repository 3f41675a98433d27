package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Reference;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.Subject;
import org.mentor.core.schedule.Schedule;

/**
 * What the export mappers share for one case at one date: the case, its evaluation, the URIs and
 * the references every mapper needs, built one way. Not thread-safe (one per mapping call).
 */
final class MapContext {
  final MentorUris uris;
  final ZoneId zone;
  final CaseFile file;
  final Facts facts;
  final CaseState state;
  final Schedule schedule;
  final LocalDate asOf;
  final org.mentor.core.protocol.Protocol protocol;
  final CaseId caseId;
  final MotherId motherId;
  /** Milestone request references by the event that satisfied the milestone (for Observation.basedOn). */
  final Map<EventId, String> requestBySatisfyingEvent = new HashMap<>();
  /** Chains another system owns (their roots were read from it), by root: never written, referenced at their source. */
  final Map<EventId, Origin> ownedElsewhere = new HashMap<>();
  /** The mentors some resource references, sorted (each gets a Practitioner and a PractitionerRole). */
  final SortedSet<String> mentorsReferenced = new TreeSet<>();

  MapContext(MentorUris uris, ZoneId zone, CaseFile file, org.mentor.core.protocol.Protocol protocol, CaseState state, Schedule schedule) {
    this.protocol = requireNonNull(protocol, "protocol");
    this.uris = requireNonNull(uris, "uris");
    this.zone = requireNonNull(zone, "zone");
    this.file = requireNonNull(file, "file");
    this.facts = file.facts();
    this.state = requireNonNull(state, "state");
    this.schedule = requireNonNull(schedule, "schedule");
    this.asOf = state.asOf();
    this.caseId = file.caseId();
    this.motherId = facts.enrolment().orElseThrow(() -> new IllegalArgumentException("the case has no enrolment")).motherId();
  }

  /** A logical reference to the mother's Patient by her identifier (the Patient is the EMR's). */
  Reference mother() {
    Reference ref = new Reference().setType("Patient");
    ref.getIdentifier().setSystem(uris.motherSystem()).setValue(motherId.value());
    return ref;
  }

  /** A logical reference to an infant's Patient by the infant's UUID. */
  Reference infant(InfantId infant) {
    Reference ref = new Reference().setType("Patient");
    ref.getIdentifier().setSystem(uris.infantSystem()).setValue(infant.toString());
    return ref;
  }

  Reference subject(Subject subject) {
    return subject.infantId().map(this::infant).orElseGet(this::mother);
  }

  /**
   * A reference to a mentor's PractitionerRole (written with her Practitioner by {@link Derived}):
   * literal, by the role's deterministic id, and logical, by the mentor's identifier, so a reader
   * that cannot resolve the literal one still knows the mentor. Records the mentor as referenced.
   */
  Reference mentor(MentorId mentor) {
    mentorsReferenced.add(mentor.value());
    Reference ref = literal("PractitionerRole", uris.mentorSystem(), mentor.value()).setType("PractitionerRole");
    ref.getIdentifier().setSystem(uris.mentorSystem()).setValue(mentor.value());
    return ref;
  }

  /** The mentor assigned on a date, if any. */
  Optional<MentorId> mentorOn(LocalDate date) {
    return facts.mentors().latest(m -> !m.occurredOn().isAfter(date)).map(MentorAssigned::mentor);
  }

  /** A literal reference to a resource Mentor writes, by its deterministic id. */
  Reference literal(String type, String system, String value) {
    return new Reference(type + "/" + Ids.resourceId(type, system, value));
  }

  /** The literal reference to the resource of an event chain: Mentor's, or the record another system owns. */
  Reference event(String type, EventId root) {
    Origin origin = ownedElsewhere.get(root);
    if (origin != null && origin.identifier().startsWith(type + "/")) {
      return new Reference(origin.identifier());
    }
    return literal(type, uris.eventSystem(), Ids.value(caseId.value(), root.value()));
  }

  /** The mother's programme episode (the enrolment's resource). */
  Reference episode() {
    return event("EpisodeOfCare", rootOfEnrolment());
  }

  private EventId rootOfEnrolment() {
    return file.rootOf(facts.enrolment().orElseThrow().id());
  }

  /** A literal reference to a derived resource ({@code <case>/<what>} in the derived system). */
  Reference derived(String type, String what) {
    return literal(type, uris.derivedSystem(), Ids.value(caseId.value(), what));
  }
}
