package org.mentor.examples;

import static java.time.LocalDate.of;

import java.time.Instant;
import java.util.Optional;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.DueList;
import org.mentor.core.registry.DueQuery;
import org.mentor.core.registry.DueText;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;

/** The embedding example shown in the README; a test checks that the README shows exactly this code. */
public final class ReadmeExample {
  private ReadmeExample() {}

  /** Runs the README example and returns the state it prints. */
  public static CaseState run() {
    // readme:begin
    CaseRegistry registry = CaseRegistry.builder().build();      // WHO 2021 protocol, in-memory store
    RecordedBy nurse = new RecordedBy("nurse-07", "clinic-042", "my-emr");
    CaseId caseId = CaseId.of("case-001");

    registry.enrol(caseId, new Enrolled(EventId.of("emr-1"), of(2025, 4, 28), Instant.now(), nurse,
        MotherId.of("mother-001"), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
        Optional.of(of(2025, 1, 6)), Optional.empty(), Optional.empty()));       // LMP 2025-01-06
    registry.record(caseId, new ArtStarted(EventId.of("emr-2"), of(2025, 4, 28), Instant.now(), nurse, Regimen.TLD));
    registry.record(caseId, new MentorAssigned(EventId.of("emr-3"), of(2025, 4, 28), Instant.now(), nurse,
        MentorId.of("mm-12")));
    registry.record(caseId, new ViralLoadResulted(EventId.of("emr-4"), of(2025, 7, 28), Instant.now(), nurse,
        of(2025, 8, 4), ViralLoad.copies(2_400)));                               // sampled 07-28, returned 08-04

    CaseState state = registry.state(caseId, of(2025, 8, 20));
    System.out.println(state.mother().viralLoadStatus());      // UNSUPPRESSED
    System.out.println(state.mother().viralLoad().why());      // which table row, event and guard
    DueList due = registry.dueList(DueQuery.mentor(MentorId.of("mm-12"), of(2025, 8, 20)));
    due.items().forEach(item -> System.out.println(DueText.english().render(item)));  // most urgent first
    // readme:end
    return state;
  }

  /** Runs the example. */
  public static void main(String[] args) {
    run();
  }
}
