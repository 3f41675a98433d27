package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.util.UrlUtil;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Enrolled;
import org.mentor.fhir.mapping.Ids;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mentor's Practitioner and PractitionerRole, which all her cases reference (PushWorld: mentor-7 for S2, S3 and S6,
 * mentor-12 for S5, S7 and S10; S8 has none): written once per push, before her cases; not again while unchanged; one
 * new version when her details change; a conflict on them retried as on any resource Mentor owns; a failure to write
 * them holds back her cases only.
 */
@ExtendWith(FhirTestServerExtension.class)
class SharedResourcesPushTest {
  private static final List<CaseId> MENTOR_7 = List.of(CaseId.of("s2"), CaseId.of("s3"), CaseId.of("s6"));

  /** Counts the transactions that write a Practitioner (only shared writes do), and can fail some of them. */
  static final class SharedTransactions {
    final AtomicInteger seen = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void before(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation != RestOperationTypeEnum.TRANSACTION
          || !new String(request.loadRequestContents(), StandardCharsets.UTF_8).contains("\"resourceType\":\"Practitioner\"")) {
        return;
      }
      seen.incrementAndGet();
      if (conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ResourceVersionConflictException("injected: version conflict on a Practitioner");
      }
      if (unavailable.get() > 0) {
        throw new UnclassifiedServerFailureException(503, "injected: unavailable");
      }
    }
  }

  private static FhirPush push(PushWorld world, FhirTestServer server, PushJournal journal) {
    return FhirPush.builder(world.registry, world.mapping, server.baseUrl()).journal(journal).concurrency(2)
        .retry(Servers.quickRetries(3)).build();
  }

  private static String mentorSearch(PushWorld world, String type, String mentor) {
    return type + "?identifier=" + UrlUtil.escapeUrlParam(world.mapping.uris().mentorSystem() + "|" + mentor);
  }

  private static int version(IGenericClient reader, PushWorld world, String type, String mentor) {
    return Integer.parseInt(PushTest.one(reader, mentorSearch(world, type, mentor)).getMeta().getVersionId());
  }

  @Test
  void a_mentor_s_resources_are_written_once_per_push_before_her_cases_and_not_again_while_unchanged(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    SharedTransactions shared = new SharedTransactions();
    server.registerInterceptor(shared);
    try {
      InMemoryPushJournal journal = new InMemoryPushJournal();
      PushReport first = push(world, server, journal).push();

      assertThat(first.complete()).as(first.failures().toString()).isTrue();
      assertThat(first.retries()).as("no case arrived before its mentor's resources").isZero();
      assertThat(shared.seen.get()).as("one shared write per mentor, not one per case").isEqualTo(2);
      assertThat(first.sharedResources()).isEqualTo(4);
      for (String mentor : List.of("mentor-7", "mentor-12")) {
        assertThat(version(reader, world, "Practitioner", mentor)).isEqualTo(1);
        assertThat(version(reader, world, "PractitionerRole", mentor)).isEqualTo(1);
      }
      assertThat(PushTest.count(reader, mentorSearch(world, "PractitionerRole", "mentor-31"))).isZero();

      // New events on all of mentor-7's cases: they go again, her resources do not.
      MENTOR_7.forEach(world::appointment);
      PushReport second = push(world, server, journal).push();
      assertThat(second.pushed()).isEqualTo(3);
      assertThat(second.sharedResources()).isZero();
      assertThat(shared.seen.get()).isEqualTo(2);

      // A push that forgot everything writes each mentor once more, and the server makes no new version.
      PushReport forgetful = push(world, server, new InMemoryPushJournal()).push();
      assertThat(forgetful.pushed()).isEqualTo(7);
      assertThat(shared.seen.get()).isEqualTo(4);
      for (String mentor : List.of("mentor-7", "mentor-12")) {
        assertThat(version(reader, world, "Practitioner", mentor)).isEqualTo(1);
        assertThat(version(reader, world, "PractitionerRole", mentor)).isEqualTo(1);
      }
      Reconcile.Counts counts = new Reconcile(reader, world).check();
      assertThat(counts.clean()).as(counts.toString()).isTrue();
    } finally {
      server.unregisterInterceptor(shared);
    }
  }

  @Test
  void a_case_whose_mentor_changed_is_pushed_again_and_names_its_new_mentor(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    InMemoryPushJournal journal = new InMemoryPushJournal();
    assertThat(push(world, server, journal).push().complete()).isTrue();

    world.assignMentor(CaseId.of("s3"), "mentor-31");
    PushReport report = push(world, server, journal).push();

    assertThat(report.complete()).as(report.failures().toString()).isTrue();
    assertThat(report.pushed()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(6);
    assertThat(report.sharedResources()).as("mentor-31's Practitioner and PractitionerRole").isEqualTo(2);
    // S3's episode names mentor-31's role now; mentor-7 keeps her cases and her single version.
    String enrolment = world.registry.file(CaseId.of("s3")).history().get(0).id().value();
    assertThat(world.registry.file(CaseId.of("s3")).history().get(0)).isInstanceOf(Enrolled.class);
    EpisodeOfCare episode = (EpisodeOfCare) PushTest.one(reader, "EpisodeOfCare?identifier="
        + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|s3/" + enrolment));
    Resource role = PushTest.one(reader, mentorSearch(world, "PractitionerRole", "mentor-31"));
    assertThat(episode.getCareManager().getReferenceElement().getIdPart()).isEqualTo(role.getIdElement().getIdPart());
    assertThat(version(reader, world, "Practitioner", "mentor-7")).isEqualTo(1);
    assertThat(version(reader, world, "PractitionerRole", "mentor-7")).isEqualTo(1);
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
  }

  @Test
  void a_change_of_a_mentor_s_details_makes_exactly_one_new_version(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    SharedTransactions shared = new SharedTransactions();
    InMemoryPushJournal journal = new InMemoryPushJournal();
    assertThat(push(world, server, journal).push().complete()).isTrue();
    // The server and the journal hold mentor-7's Practitioner as an earlier release wrote it (inactive): her details
    // as the library now maps them differ from what was last confirmed.
    Practitioner earlier = (Practitioner) PushTest.one(reader, mentorSearch(world, "Practitioner", "mentor-7"));
    earlier.setActive(false);
    reader.update().resource(earlier).execute();
    String key = "Practitioner/" + Ids.resourceId("Practitioner", world.mapping.uris().mentorSystem(), "mentor-7");
    journal.confirmShared(key, Hashing.sha256().hashString(PushWorld.FHIR.newJsonParser().encodeResourceToString(earlier),
        StandardCharsets.UTF_8).toString());
    assertThat(version(reader, world, "Practitioner", "mentor-7")).isEqualTo(2);

    server.registerInterceptor(shared);
    try {
      // All three of her cases change in the same push, two at a time.
      MENTOR_7.forEach(world::appointment);
      PushReport report = push(world, server, journal).push();

      assertThat(report.complete()).as(report.failures().toString()).isTrue();
      assertThat(report.pushed()).isEqualTo(3);
      assertThat(shared.seen.get()).isEqualTo(1);
      assertThat(version(reader, world, "Practitioner", "mentor-7")).as("exactly one new version").isEqualTo(3);
      assertThat(((Practitioner) PushTest.one(reader, mentorSearch(world, "Practitioner", "mentor-7"))).getActive()).isTrue();
      assertThat(version(reader, world, "PractitionerRole", "mentor-7")).as("unchanged: no new version").isEqualTo(1);
      assertThat(version(reader, world, "Practitioner", "mentor-12")).isEqualTo(1);

      world.clock.advanceDays(1); // every case is mapped again; nothing of the mentors changed
      assertThat(push(world, server, journal).push().sharedResources()).isZero();
      assertThat(shared.seen.get()).isEqualTo(1);
      assertThat(version(reader, world, "Practitioner", "mentor-7")).isEqualTo(3);
    } finally {
      server.unregisterInterceptor(shared);
    }
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
  }

  @Test
  void a_conflict_on_a_mentor_s_resources_is_retried_as_on_any_resource_mentor_owns(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    SharedTransactions shared = new SharedTransactions();
    shared.conflicts.set(2);
    server.registerInterceptor(shared);
    try {
      PushReport report = push(world, server, new InMemoryPushJournal()).push();

      assertThat(report.complete()).as(report.failures().toString()).isTrue();
      assertThat(report.conflicts()).as("not another system's resource: nothing returned to the caller").isEmpty();
      assertThat(report.retries()).isEqualTo(2);
      assertThat(shared.seen.get()).isEqualTo(4); // two mentors, two of the writes refused once
    } finally {
      server.unregisterInterceptor(shared);
    }
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
  }

  @Test
  void when_a_mentor_s_resources_cannot_be_written_her_cases_wait_and_the_others_go_on(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    SharedTransactions shared = new SharedTransactions();
    shared.unavailable.set(1);
    server.registerInterceptor(shared);
    InMemoryPushJournal journal = new InMemoryPushJournal();
    try {
      PushReport report = push(world, server, journal).push();

      assertThat(report.complete()).isFalse();
      assertThat(report.pushed()).as("S8 has no mentor").isEqualTo(1);
      assertThat(report.sharedFailures()).hasSize(2).allSatisfy(f -> {
        assertThat(f.kind()).isEqualTo(CaseFailure.Kind.TRANSIENT);
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(f.resources()).hasSize(2);
      });
      assertThat(shared.seen.get()).as("each mentor tried once per push (3 attempts), not once per case").isEqualTo(6);
      assertThat(report.failures()).hasSize(6).allSatisfy(f -> {
        assertThat(f.kind()).isEqualTo(CaseFailure.Kind.TRANSIENT);
        assertThat(f.attempts()).isZero();
        assertThat(f.toString()).contains("not sent").doesNotContain("mentor-");
      });
      for (String type : Reconcile.TYPES) {
        if (!type.equals("Practitioner") && !type.equals("PractitionerRole")) {
          continue;
        }
        assertThat(PushTest.count(reader, type + "?identifier=" + UrlUtil.escapeUrlParam(world.mapping.uris().mentorSystem() + "|"))).isZero();
      }

      shared.unavailable.set(0);
      PushReport resumed = push(world, server, journal).push();
      assertThat(resumed.complete()).as(resumed.failures().toString()).isTrue();
      assertThat(resumed.pushed()).isEqualTo(6);
    } finally {
      server.unregisterInterceptor(shared);
    }
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
  }
}
