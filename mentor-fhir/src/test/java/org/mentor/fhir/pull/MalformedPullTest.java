package org.mentor.fhir.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/**
 * A server resource Mentor cannot read is refused and reported (resource, element path, rule), never half-recorded,
 * and the pull goes on with the rest. Reports carry no values and no patient identifiers.
 */
@ExtendWith(FhirTestServerExtension.class)
class MalformedPullTest {
  @Test
  void a_negative_viral_load_and_an_observation_mentor_does_not_read_are_refused_and_the_rest_is_recorded(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S3", "S5");
    Lab lab = new Lab(server.baseUrl(), world);
    String s5 = lab.patient(CaseId.of("s5"));
    String s3 = lab.patient(CaseId.of("s3"));
    String good5 = lab.create(Lab.viralLoad(s5, LocalDate.of(2026, 1, 5), null, 880));
    String negative = lab.create(Lab.viralLoad(s5, LocalDate.of(2026, 1, 6), null, -5));
    Observation pressure = Lab.viralLoad(s5, LocalDate.of(2026, 1, 6), null, 120);
    pressure.getCode().getCodingFirstRep().setCode("8480-6"); // LOINC systolic blood pressure: not a fact Mentor reads
    String unsupported = lab.create(pressure);
    String good3 = lab.create(Lab.viralLoad(s3, LocalDate.of(2026, 1, 7), "<", 50));
    long s5Before = world.registry.file(CaseId.of("s5")).version();

    PullReport report = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build().pull(PullCursor.start());

    assertThat(report.complete()).isTrue();
    assertThat(report.imported()).extracting(PulledFact::resource)
        .containsExactlyInAnyOrder(good5 + "/_history/1", good3 + "/_history/1");
    assertThat(report.refusals()).hasSize(2);
    PullRefusal vl = report.refusals().stream().filter(r -> r.resource().startsWith(negative + "/")).findFirst().orElseThrow();
    assertThat(vl.ruleId()).isEqualTo("VL-001"); // the core's rule: a viral load is zero or more copies/mL
    assertThat(vl.element()).startsWith("Observation.value");
    assertThat(vl.caseId()).contains(CaseId.of("s5"));
    PullRefusal code = report.refusals().stream().filter(r -> r.resource().startsWith(unsupported + "/")).findFirst().orElseThrow();
    assertThat(code.ruleId()).isEqualTo("FHIR-004");
    assertThat(code.element()).isEqualTo("Observation.code");
    assertThat(world.registry.file(CaseId.of("s5")).version()).isEqualTo(s5Before + 1); // the good one only
    for (PullRefusal r : report.refusals()) {
      assertThat(r.toString()).doesNotContain("-5").doesNotContain("mother-of").doesNotContain("8480");
    }
    // Refused versions are reported once: the next pull does not bring them back.
    assertThat(FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build().pull(report.cursor()).refusals()).isEmpty();
  }
}
