package org.mentor.fhir.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.slf4j.LoggerFactory;

/** Pulls, refusals, conflicts and reconciles log counts and durations, never patient data (all levels captured). */
@ExtendWith(FhirTestServerExtension.class)
class PullLogsTest {
  @Test
  void a_pull_with_refusals_and_a_conflict_and_a_reconcile_log_no_identifier_value_or_date(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S3", "S5");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger mentor = (Logger) LoggerFactory.getLogger("org.mentor");
    mentor.setLevel(Level.TRACE);
    logs.start();
    mentor.addAppender(logs);
    try {
      FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build().push();
      Lab lab = new Lab(server.baseUrl(), world);
      String patient = lab.patient(CaseId.of("s5"));
      lab.create(Lab.viralLoad(patient, LocalDate.of(2026, 1, 5), null, 3456));
      lab.create(Lab.viralLoad(patient, LocalDate.of(2026, 1, 6), null, -7));
      FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();
      PullReport report = pull.pull(PullCursor.start());
      assertThat(report.imported()).hasSize(1);
      assertThat(report.refusals()).hasSize(1);
      FhirReconcile.builder(world.registry, world.mapping, server.baseUrl()).build().check();
    } finally {
      mentor.detachAppender(logs);
      mentor.setLevel(null);
    }
    List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).anyMatch(l -> l.startsWith("FHIR pull: ")).anyMatch(l -> l.startsWith("FHIR reconcile: "));
    for (String line : lines) {
      assertThat(line).doesNotContain("mother-of").doesNotContain("3456").doesNotContain("-7 ").doesNotContain("2026-01-0")
          .doesNotContain(world.base).doesNotContain("Observation/").doesNotContainPattern("\\bs[35]\\b");
    }
  }
}
