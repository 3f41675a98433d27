package org.mentor.fhir.push;

import static java.time.LocalDate.of;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MentorException;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * A programme for one test: its own Mentor base URI (so its identifiers are its own on the shared server), a clock
 * and a registry holding the scenario cases whose facts all lie before 2026-01-10 (S2, S3, S5, S6, S7, S8, S10;
 * shared/clinical/scenarios.md), and edits of the kinds that happen between pushes. Synthetic throughout.
 *
 * <p>Mentors are shared between cases, as in a programme: S6 has mentor-7 from its scenario; S2 and S3 are assigned
 * mentor-7 too, and S5, S7 and S10 mentor-12, on the first day. So one mentor's Practitioner and PractitionerRole are
 * referenced by three cases, the other's by three.
 */
final class PushWorld {
  static final FhirContext FHIR = Scenarios.FHIR;
  static final LocalDate START = of(2026, 1, 10);
  static final List<String> SCENARIOS = List.of("S2", "S3", "S5", "S6", "S7", "S8", "S10");

  final String base = "https://t" + UUID.randomUUID().toString().replace("-", "") + ".example.org/mentor";
  final FhirMapping mapping = FhirMapping.builder(FHIR, base).build();
  final MutableClock clock = new MutableClock(START);
  final CaseRegistry registry = CaseRegistry.builder().clock(clock).build();
  final List<CaseId> cases = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  PushWorld() {
    Map<String, Scenarios.Scenario> all = Scenarios.all();
    for (String name : SCENARIOS) {
      CaseBuilder b = all.get(name).builder();
      List<PathwayEvent> events = b.events();
      registry.enrol(b.caseId(), (Enrolled) events.get(0));
      events.subList(1, events.size()).forEach(e -> registry.record(b.caseId(), e));
      cases.add(b.caseId());
    }
    for (String name : List.of("s2", "s3")) {
      assignMentor(CaseId.of(name), "mentor-7");
    }
    for (String name : List.of("s5", "s7", "s10")) {
      assignMentor(CaseId.of(name), "mentor-12");
    }
  }

  /** The mentors cases are (re)assigned to. */
  static final List<String> MENTORS = List.of("mentor-7", "mentor-12", "mentor-31");

  /** A mentor assigned today (a reassignment if the case had one). */
  EventId assignMentor(CaseId caseId, String mentor) {
    EventId id = nextId();
    registry.record(caseId, new MentorAssigned(id, today(), clock.instant(), CaseBuilder.CLINIC, MentorId.of(mentor)));
    return id;
  }

  /** An event this test added to a case. */
  record Edit(CaseId caseId, EventId event) {}

  LocalDate today() {
    return clock.today();
  }

  private EventId nextId() {
    return EventId.of("push-" + ids.incrementAndGet());
  }

  /** A late viral-load result: sampled 3 days ago, resulted today. */
  EventId lateResult(CaseId caseId, int copies) {
    EventId id = nextId();
    registry.record(caseId, new ViralLoadResulted(id, today().minusDays(3), clock.instant(), CaseBuilder.CLINIC, today(),
        ViralLoad.copies(copies)));
    return id;
  }

  /** An appointment set today for four weeks on. */
  EventId appointment(CaseId caseId) {
    EventId id = nextId();
    registry.record(caseId, new AppointmentSet(id, today(), clock.instant(), CaseBuilder.CLINIC, today().plusDays(28),
        AppointmentPurpose.ART_REFILL));
    return id;
  }

  /** Corrects a viral-load result (its root keeps its resource) to another value. */
  void correct(CaseId caseId, EventId viralLoad, int copies) {
    ViralLoadResulted original = (ViralLoadResulted) registry.file(caseId).event(viralLoad).orElseThrow();
    registry.record(caseId, new Corrected(original.id(), new ViralLoadResulted(nextId(), original.occurredOn(), clock.instant(),
        CaseBuilder.CLINIC, original.resultDate(), ViralLoad.copies(copies))));
  }

  /** Voids an event. */
  void voidEvent(CaseId caseId, EventId event) {
    registry.record(caseId, new Voided(nextId(), today(), clock.instant(), CaseBuilder.CLINIC, event, "recorded on the wrong case"));
  }

  /**
   * One random edit of a random case, as happens between pushes: a late result, an appointment, a correction or a
   * void of an earlier edit, a mentor reassigned, or a few days passing (milestones go late). Edits the core refuses
   * are skipped.
   */
  void randomEdit(Random random, List<Edit> edits) {
    CaseId caseId = cases.get(random.nextInt(cases.size()));
    try {
      switch (random.nextInt(6)) {
        case 0 -> edits.add(new Edit(caseId, lateResult(caseId, 20 + random.nextInt(5000))));
        case 1 -> edits.add(new Edit(caseId, appointment(caseId)));
        case 2 -> {
          Edit e = pick(random, edits, true);
          if (e != null) {
            correct(e.caseId(), e.event(), 20 + random.nextInt(5000));
          }
        }
        case 3 -> {
          Edit e = pick(random, edits, false);
          if (e != null) {
            voidEvent(e.caseId(), e.event());
            edits.remove(e);
          }
        }
        case 4 -> assignMentor(caseId, MENTORS.get(random.nextInt(MENTORS.size())));
        default -> clock.advanceDays(1 + random.nextInt(10));
      }
    } catch (MentorException refused) {
      // the core refused this edit (e.g. a result the pathway does not allow now): not what is tested here
    }
  }

  private Edit pick(Random random, List<Edit> edits, boolean viralLoadsOnly) {
    List<Edit> candidates = edits.stream().filter(e -> !viralLoadsOnly
        || registry.file(e.caseId()).event(e.event()).map(x -> x instanceof ViralLoadResulted).orElse(false)).toList();
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }
}
