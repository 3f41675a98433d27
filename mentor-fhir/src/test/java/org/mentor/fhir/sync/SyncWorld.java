package org.mentor.fhir.sync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.push.RetryPolicy;
import org.threeten.extra.MutableClock;

/**
 * A programme for one pull, reconcile or auth test: its own Mentor base URI (its identifiers are its own on the shared
 * server), a clock and a registry holding some of the scenario cases of shared/clinical/scenarios.md whose facts lie
 * before 2026-01-10. Synthetic throughout.
 */
public final class SyncWorld {
  public static final FhirContext FHIR = Scenarios.FHIR;
  public static final LocalDate START = LocalDate.of(2026, 1, 10);

  public final String base = "https://t" + UUID.randomUUID().toString().replace("-", "") + ".example.org/mentor";
  public final FhirMapping mapping = FhirMapping.builder(FHIR, base).build();
  public final MutableClock clock = MutableClock.of(START.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  public final CaseRegistry registry = CaseRegistry.builder().clock(clock).build();
  public final List<CaseId> cases = new ArrayList<>();

  public SyncWorld(String... scenarios) {
    Map<String, Scenarios.Scenario> all = Scenarios.all();
    for (String name : scenarios) {
      CaseBuilder b = all.get(name).builder();
      List<PathwayEvent> events = b.events();
      registry.enrol(b.caseId(), (Enrolled) events.get(0));
      events.subList(1, events.size()).forEach(e -> registry.record(b.caseId(), e));
      cases.add(b.caseId());
    }
  }

  public LocalDate today() {
    return registry.today();
  }

  public Instant now() {
    return clock.instant();
  }

  private int edits;

  /** A late viral-load result recorded here: sampled 3 days ago, resulted today. */
  public org.mentor.core.EventId lateResult(CaseId caseId, int copies) {
    org.mentor.core.EventId id = org.mentor.core.EventId.of("edit-" + (++edits));
    registry.record(caseId, new org.mentor.core.pathway.ViralLoadResulted(id, today().minusDays(3), now(), CaseBuilder.CLINIC, today(),
        org.mentor.core.pathway.ViralLoad.copies(copies)));
    return id;
  }

  /** The mother's identifier system (the mapping's). */
  public String motherSystem() {
    return mapping.uris().motherSystem();
  }

  /** A bare HAPI client: a lab, a registry clerk, someone editing the server by hand. */
  public static IGenericClient client(String baseUrl) {
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(FHIR);
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setSocketTimeout(60_000);
    return factory.newGenericClient(baseUrl);
  }

  /** Every resource a search finds (all pages, past HAPI's search cache). */
  public static List<Resource> search(IGenericClient client, String query) {
    List<Resource> out = new ArrayList<>();
    Bundle page = client.search().byUrl(query).cacheControl(new CacheControlDirective().setNoCache(true)).count(500)
        .returnBundle(Bundle.class).execute();
    while (true) {
      page.getEntry().stream().filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE).forEach(e -> out.add(e.getResource()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return out;
      }
      page = client.loadPage().next(page).execute();
    }
  }

  /** Fast retries for tests. */
  public static RetryPolicy quickRetries() {
    return new RetryPolicy(3, java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(50));
  }
}
