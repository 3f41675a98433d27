package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.fhir.testserver.FhirBaseUrl;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/** Runs example 2 against a real HAPI FHIR JPA server in this process, twice on the same server. */
@ExtendWith(FhirTestServerExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FhirIntegrationTest {

  @Test
  void push_push_again_pull_the_lab_result_push_and_reconcile(@FhirBaseUrl String server) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FhirIntegration.Outcome outcome = FhirIntegration.run(server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(outcome.first().complete()).isTrue();
    assertThat(outcome.first().pushed()).isEqualTo(1);
    // No duplicates: the second push sends nothing and every count on the server is what it was.
    assertThat(outcome.again().pushed()).isZero();
    assertThat(outcome.again().resources()).isZero();
    assertThat(outcome.again().unchanged()).isEqualTo(1);
    assertThat(outcome.counted()).containsEntry("EpisodeOfCare", 1).containsKey("Observation").containsKey("ServiceRequest");
    assertThat(outcome.recounted()).isEqualTo(outcome.counted());
    // The lab's result came in: the repeat viral load (due 3 months after the 2 400 of 2025-09-15) is done by its sample.
    assertThat(outcome.pulled().complete()).isTrue();
    assertThat(outcome.pulled().imported()).singleElement().satisfies(fact -> assertThat(fact.thirdParty()).isTrue());
    assertThat(outcome.pulled().refusals()).isEmpty();
    assertThat(outcome.repeatViralLoad().state()).isEqualTo(MilestoneState.DONE);
    assertThat(outcome.repeatViralLoad().satisfiedOn()).contains(LocalDate.of(2025, 12, 29));
    assertThat(outcome.afterPull().pushed()).isEqualTo(1);
    assertThat(outcome.reconciled().clean()).as(outcome.reconciled().toString()).isTrue();
    assertThat(outcome.reconciled().matching()).isEqualTo(outcome.reconciled().expected()).isPositive();

    assertThat(out).contains("on 2026-01-05: viral load REPEAT_DUE, repeat viral load LATE (due 2025-12-15)", "1. push: 1 case sent", "2. push again: 0 cases sent, 1 unchanged",
        "pull: 1 resource recorded (1 event), 0 refused, 0 conflicts", "the case now: viral load SUPPRESSED, repeat viral load DONE on 2025-12-29",
        "4. push: 1 case sent; reconcile: clean");
    assertThat(out.lines().filter(l -> l.contains("the server holds")).map(l -> l.substring(l.indexOf("holds"))).distinct())
        .as("the same counts after each push").hasSize(1);
  }

  @Test
  void main_runs_on_a_server_given_by_its_url(@FhirBaseUrl String server) throws Exception {
    FhirIntegration.main(new String[] {server});
  }
}
