package org.mentor.fhir.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/**
 * Incremental pulls against the real server: more results than a page, a search whose paging links expired, a
 * second pull reaching back over the overlap window, and a write that committed after a pull's search ran although
 * the server stamped it before. Across all of them no resource version is recorded twice and none is skipped.
 */
@ExtendWith(FhirTestServerExtension.class)
class PagingPullTest {
  private static final List<String> CASES = List.of("S2", "S3", "S5", "S6", "S7");

  @Test
  void pages_an_expired_search_and_the_overlap_window_record_every_lab_result_exactly_once(FhirTestServer server) throws Exception {
    SyncWorld world = new SyncWorld(CASES.toArray(String[]::new));
    Lab lab = new Lab(server.baseUrl(), world);
    List<String> patients = new ArrayList<>();
    for (CaseId id : world.cases) {
      patients.add(lab.patient(id));
    }
    List<String> created = new ArrayList<>();
    // 25 results, 5 per mother (viral loads every 3 days from 2026-01-01 to 2026-01-13), 10 to a page.
    for (int i = 0; i < 25; i++) {
      created.add(lab.create(Lab.viralLoad(patients.get(i % 5), LocalDate.of(2026, 1, 1).plusDays(3L * (i / 5)), null, 100 + i)));
    }
    ExpireOneSearch expire = new ExpireOneSearch();
    server.registerInterceptor(expire);
    List<String> recorded = new ArrayList<>();
    try {
      FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).pageSize(10).subjectsPerSearch(5).build();
      expire.arm(1);

      PullReport first = pull.pull(PullCursor.start());

      assertThat(expire.expired()).isEqualTo(1);
      assertThat(first.complete()).as(first.failures().toString()).isTrue();
      assertThat(first.restartedSearches()).isEqualTo(1);
      assertThat(first.refusals()).isEmpty();
      assertThat(first.imported()).hasSize(25);
      assertThat(first.duplicates()).as("the restarted search's first page came again").isGreaterThanOrEqualTo(10);
      first.imported().forEach(f -> recorded.add(f.resource()));

      // Five more; the next pull reaches back two minutes and meets the 25 again: skipped by id and version.
      for (int i = 0; i < 5; i++) {
        created.add(lab.create(Lab.viralLoad(patients.get(i), LocalDate.of(2026, 1, 16), null, 200 + i)));
      }
      PullReport second = pull.pull(first.cursor());

      assertThat(second.imported()).hasSize(5);
      assertThat(second.duplicates()).isEqualTo(25);
      second.imported().forEach(f -> recorded.add(f.resource()));

      // A result the server stamped before the third pull began but committed only after its search ran.
      HoldCommit hold = new HoldCommit();
      server.registerInterceptor(hold);
      Observation late = Lab.viralLoad(patients.get(0), LocalDate.of(2026, 1, 19), null, 300);
      late.getMeta().addTag(HoldCommit.TAG, "hold", null);
      CompletableFuture<String> writing = CompletableFuture.supplyAsync(() -> lab.create(late));
      try {
        assertThat(hold.reached.await(30, TimeUnit.SECONDS)).isTrue();
        FhirPull noOverlap = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).pageSize(10).subjectsPerSearch(5)
            .overlap(Duration.ZERO).build();
        PullReport third = noOverlap.pull(second.cursor());
        assertThat(third.imported()).as("not committed yet: invisible").isEmpty();
        hold.release.countDown();
        created.add(writing.get(30, TimeUnit.SECONDS));

        // Without an overlap window, the next pull would skip it for good...
        PullReport skipped = noOverlap.pull(third.cursor());
        assertThat(skipped.imported()).isEmpty();
        // ...with one (the default, two minutes), it is read.
        PullReport fourth = pull.pull(third.cursor());
        assertThat(fourth.imported()).singleElement().satisfies(f -> assertThat(f.resource()).isEqualTo(created.get(30) + "/_history/1"));
        fourth.imported().forEach(f -> recorded.add(f.resource()));
        assertThat(pull.pull(fourth.cursor()).imported()).isEmpty();
      } finally {
        hold.release.countDown();
        server.unregisterInterceptor(hold);
      }
    } finally {
      server.unregisterInterceptor(expire);
    }
    assertThat(recorded).as("none twice").doesNotHaveDuplicates();
    assertThat(recorded).as("none skipped").containsExactlyInAnyOrderElementsOf(created.stream().map(id -> id + "/_history/1").toList());
    int events = 0;
    for (CaseId id : world.cases) {
      events += (int) world.registry.file(id).history().stream().filter(e -> e.recordedBy().origin().isPresent()).count();
    }
    assertThat(events).isEqualTo(31);
  }

  @Test
  void a_cursor_survives_as_json_and_a_failed_pull_keeps_the_previous_start(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S5");
    Lab lab = new Lab(server.baseUrl(), world);
    lab.create(Lab.viralLoad(lab.patient(CaseId.of("s5")), LocalDate.of(2026, 1, 5), null, 700));
    FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();
    PullReport first = pull.pull(PullCursor.start());
    assertThat(first.cursor().since()).isPresent();
    assertThat(PullCursor.fromJson(first.cursor().toJson())).isEqualTo(first.cursor());

    // A server that does not answer: the pull fails its searches and keeps the cursor's start.
    FhirPull nowhere = FhirPull.builder(world.registry, world.mapping, "http://127.0.0.1:1/fhir").retry(SyncWorld.quickRetries()).build();
    PullReport failed = nowhere.pull(first.cursor());
    assertThat(failed.complete()).isFalse();
    assertThat(failed.failures()).isNotEmpty().allSatisfy(f -> assertThat(f).contains("no answer"));
    assertThat(failed.cursor().since()).isEqualTo(first.cursor().since());
  }
}
