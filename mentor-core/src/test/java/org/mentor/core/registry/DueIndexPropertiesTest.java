package org.mentor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolLoader;

/**
 * The due index proposes every case a full evaluation finds something for: over generated cohorts
 * (corrections, voids, twins, deaths, late results), for every day from 400 days before to 400 days
 * after the cohort's last event, the indexed due list equals evaluating every case, for everyone and
 * for each mentor.
 */
class DueIndexPropertiesTest {
  private static final MentorId[] MENTORS = {MentorId.of("mm-a"), MentorId.of("mm-b")};

  /** The generated cases migrate to WHO_2021 version 2: the same rules under a new version. */
  private static final Protocol WHO_2021_V2 = secondVersion();

  private static Protocol secondVersion() {
    try (var in = Protocol.class.getResourceAsStream("/org/mentor/core/protocol/WHO_2021.json")) {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(in);
      root.put("version", "2");
      return ProtocolLoader.fromStream(new java.io.ByteArrayInputStream(mapper.writeValueAsBytes(root)), "WHO_2021-v2.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 10)
  void the_indexed_due_list_equals_evaluating_every_case_on_every_day(
      @ForAll @Size(min = 1, max = 5) List<@From("files") CaseFile> cohort) {
    CaseRegistry registry = CaseRegistry.builder().protocols(WHO_2021_V2).build();
    LocalDate last = LocalDate.MIN;
    for (int i = 0; i < cohort.size(); i++) {
      List<PathwayEvent> events = rekeyed(cohort.get(i), i);
      CaseId caseId = CaseId.of("g" + i);
      registry.enrol(caseId, (Enrolled) events.get(0));
      for (PathwayEvent event : events.subList(1, events.size())) {
        registry.record(caseId, event);
      }
      for (PathwayEvent event : registry.file(caseId).facts().events()) {
        last = event.occurredOn().isAfter(last) ? event.occurredOn() : last;
      }
    }
    for (LocalDate day = last.minusDays(400); !day.isAfter(last.plusDays(400)); day = day.plusDays(1)) {
      assertThat(keys(registry.dueList(DueQuery.everyone(day)).items())).as("everyone on %s", day)
          .isEqualTo(keys(everyCase(registry, DueQuery.everyone(day))));
      DueQuery mentor = DueQuery.mentor(MENTORS[day.getDayOfMonth() % 2], day);
      assertThat(keys(registry.dueList(mentor).items())).as("%s on %s", mentor.scope(), day)
          .isEqualTo(keys(everyCase(registry, mentor)));
    }
  }

  /**
   * Kept up to date: with a due list asked after every few events (so each case is re-indexed over
   * and over, its entry moved from the blocks it held to the ones it now holds), the index still
   * agrees with evaluating every case, on the day of the list and, at the end, on every week.
   */
  @Property(tries = 10)
  void the_index_kept_up_to_date_while_recording_equals_evaluating_every_case(
      @ForAll @Size(min = 1, max = 4) List<@From("files") CaseFile> cohort) {
    InMemoryCaseStore store = new InMemoryCaseStore();
    CaseRegistry registry = CaseRegistry.builder().protocols(WHO_2021_V2).store(store).build();
    List<List<PathwayEvent>> pending = new ArrayList<>();
    for (int i = 0; i < cohort.size(); i++) {
      List<PathwayEvent> events = rekeyed(cohort.get(i), i);
      registry.enrol(CaseId.of("g" + i), (Enrolled) events.get(0));
      pending.add(new ArrayList<>(events.subList(1, events.size())));
    }
    LocalDate last = LocalDate.MIN;
    for (int round = 0; pending.stream().anyMatch(list -> !list.isEmpty()); round++) {
      for (int i = 0; i < pending.size(); i++) {
        for (int n = 0; n < 3 && !pending.get(i).isEmpty(); n++) {
          PathwayEvent event = pending.get(i).remove(0);
          registry.record(CaseId.of("g" + i), event);
          last = event.occurredOn().isAfter(last) ? event.occurredOn() : last;
        }
      }
      LocalDate day = last.plusDays(round % 5 == 0 ? 30 : round % 60);
      assertThat(keys(registry.dueList(DueQuery.everyone(day)).items())).as("round %d, everyone on %s", round, day)
          .isEqualTo(keys(everyCase(registry, DueQuery.everyone(day))));
    }
    // A registry loaded from the same store indexes every case once: the same cases are proposed.
    CaseRegistry fresh = CaseRegistry.builder().protocols(WHO_2021_V2).store(store).build();
    for (LocalDate day = last.minusDays(200); !day.isAfter(last.plusDays(200)); day = day.plusDays(7)) {
      assertThat(registry.dueList(DueQuery.everyone(day)).casesEvaluated()).as("proposed on %s", day)
          .isEqualTo(fresh.dueList(DueQuery.everyone(day)).casesEvaluated());
      assertThat(keys(registry.dueList(DueQuery.everyone(day)).items())).as("everyone on %s", day)
          .isEqualTo(keys(everyCase(registry, DueQuery.everyone(day))));
      DueQuery mentor = DueQuery.mentor(MENTORS[day.getDayOfMonth() % 2], day);
      assertThat(keys(registry.dueList(mentor).items())).as("%s on %s", mentor.scope(), day)
          .isEqualTo(keys(everyCase(registry, mentor)));
    }
  }

  /** The brute force: every case evaluated on the day. */
  private static List<DueItem> everyCase(CaseRegistry registry, DueQuery query) {
    List<DueItem> items = new ArrayList<>();
    for (CaseId caseId : registry.caseIds()) {
      CaseView view = registry.view(caseId, query.asOf(), null);
      if (!query.asOf().isBefore(firstDay(registry, caseId)) && query.scope().includes(view.assignment())) {
        items.addAll(DueItems.of(view, registry.file(caseId).facts().enrolment().orElseThrow().motherId(),
            registry.protocolOf(registry.file(caseId).facts())));
      }
    }
    return items;
  }

  private static LocalDate firstDay(CaseRegistry registry, CaseId caseId) {
    return DueIndex.firstDay(registry.file(caseId).facts());
  }

  private static Set<String> keys(List<DueItem> items) {
    Set<String> keys = new HashSet<>();
    for (DueItem item : items) {
      keys.add(item.caseId() + "|" + item.infantId() + "|" + item.action() + "|" + item.milestone() + "|" + item.since() + "|"
          + item.tier() + "|" + item.why());
    }
    assertThat(keys).hasSize(items.size() - duplicates(items));
    return keys;
  }

  private static int duplicates(List<DueItem> items) {
    Set<DueItem> distinct = new HashSet<>(items);
    return items.size() - distinct.size();
  }

  /** The generated case under its own case and mother, with a mentor assigned from enrolment and handed over later. */
  private static List<PathwayEvent> rekeyed(CaseFile file, int index) {
    MotherId mother = MotherId.of("gm-" + index);
    List<PathwayEvent> events = new ArrayList<>();
    for (PathwayEvent event : file.history()) {
      if (event instanceof Enrolled e) {
        events.add(withMother(e, mother));
      } else if (event instanceof Corrected c && c.replacement() instanceof Enrolled e) {
        events.add(new Corrected(c.corrects(), withMother(e, mother)));
      } else {
        events.add(event);
      }
    }
    Enrolled enrolled = (Enrolled) events.get(0);
    LocalDate on = enrolled.occurredOn();
    Instant at = enrolled.recordedAt();
    events.add(new MentorAssigned(EventId.of("assign-" + index), on, at, enrolled.recordedBy(), MENTORS[index % 2]));
    events.add(new MentorAssigned(EventId.of("handover-" + index), on.plusDays(200), at, enrolled.recordedBy(),
        MENTORS[(index + 1) % 2]));
    return events;
  }

  private static Enrolled withMother(Enrolled e, MotherId mother) {
    return new Enrolled(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), mother, e.protocol(), e.hivStatus(), e.lmp(),
        e.edd(), e.gestationalAgeDays());
  }
}
