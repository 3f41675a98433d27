package org.mentor.fhir.push;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.SearchStyleEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.IQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.mentor.core.CaseId;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.MentorUris;

/**
 * Compares what the server holds under a test's Mentor base with what the library holds now: every resource the
 * cases map to today must be on the server exactly once with the same Mentor-owned content (everything but the
 * server's id and meta.versionId/lastUpdated/source; references compared by the business identity of their target),
 * and anything else of the test's on the server must be withdrawn (revoked, cancelled, entered-in-error). Reads
 * bypass HAPI's search cache.
 */
final class Reconcile {
  static final List<String> TYPES = List.of("Appointment", "Basic", "CarePlan", "CareTeam", "Condition", "Consent",
      "Encounter", "EpisodeOfCare", "MedicationDispense", "MedicationRequest", "MedicationStatement", "Observation",
      "Practitioner", "PractitionerRole", "Procedure", "RelatedPerson", "ServiceRequest", "Task");

  /** What a reconcile found. */
  record Counts(int expected, int duplicates, int missing, int stale, List<String> examples) {
    boolean clean() {
      return duplicates == 0 && missing == 0 && stale == 0;
    }

    @Override
    public String toString() {
      return expected + " expected, " + duplicates + " duplicates, " + missing + " missing, " + stale + " stale " + examples;
    }
  }

  private final IGenericClient client;
  private final PushWorld world;
  private final MentorUris uris;

  Reconcile(IGenericClient client, PushWorld world) {
    this.client = client;
    this.world = world;
    this.uris = world.mapping.uris();
  }

  Counts check() {
    // The library's side: every resource of every case as of today; a mentor's Practitioner and PractitionerRole, which
    // her cases share, once (keyed by identity, like everything else).
    Map<String, Resource> expected = new LinkedHashMap<>();
    Map<String, String> libraryRefs = new HashMap<>();
    for (CaseId id : world.cases) {
      var file = world.registry.file(id);
      var protocol = world.registry.protocol(file.facts().protocol().orElseThrow()).orElseThrow();
      CaseResources resources = world.mapping.map(file, protocol, world.today());
      for (Resource r : resources.resources()) {
        String identity = libraryIdentity(r);
        expected.put(identity, r);
        libraryRefs.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), identity);
      }
    }
    // The server's side: everything under this test's identifier systems, and its Provenance by tag or id.
    String systems = String.join(",", uris.caseSystem() + "|", uris.eventSystem() + "|", uris.milestoneSystem() + "|",
        uris.derivedSystem() + "|", uris.infantSystem() + "|", uris.mentorSystem() + "|");
    List<Resource> found = new ArrayList<>();
    for (String type : TYPES) {
      found.addAll(search(client.search().forResource(type).whereMap(Map.of("identifier", List.of(systems)))));
    }
    // Provenance has no identifier: conditional pushes tag it with its id, PUT pushes use the id itself.
    List<String> provenanceIds = expected.values().stream().filter(r -> r.fhirType().equals("Provenance"))
        .map(r -> r.getIdElement().getIdPart()).toList();
    if (!provenanceIds.isEmpty()) {
      String tags = String.join(",", provenanceIds.stream().map(id -> uris.derivedSystem() + "|" + id).toList());
      found.addAll(search(client.search().forResource("Provenance").whereMap(Map.of("_tag", List.of(tags)))));
      for (Resource r : search(client.search().forResource("Provenance").whereMap(Map.of("_id", List.of(String.join(",", provenanceIds)))))) {
        if (found.stream().noneMatch(f -> f.getIdElement().getIdPart().equals(r.getIdElement().getIdPart()) && f.fhirType().equals("Provenance"))) {
          found.add(r);
        }
      }
    }
    Map<String, List<Resource>> byIdentity = new LinkedHashMap<>();
    Map<String, String> serverRefs = new HashMap<>();
    for (Resource r : found) {
      String identity = serverIdentity(r);
      byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(r);
      serverRefs.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), identity);
    }
    int duplicates = 0;
    int missing = 0;
    int stale = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, List<Resource>> e : byIdentity.entrySet()) {
      duplicates += e.getValue().size() - 1;
      if (e.getValue().size() > 1 && examples.size() < 5) {
        examples.add("duplicate " + e.getKey());
      }
    }
    for (Map.Entry<String, Resource> e : expected.entrySet()) {
      List<Resource> onServer = byIdentity.get(e.getKey());
      if (onServer == null) {
        missing++;
        if (examples.size() < 5) {
          examples.add("missing " + e.getKey());
        }
        continue;
      }
      String want = canonical(e.getValue(), libraryRefs);
      for (Resource r : onServer) {
        if (!canonical(r, serverRefs).equals(want)) {
          stale++;
          if (examples.size() < 5) {
            examples.add("stale " + e.getKey() + "\n  want " + abbreviate(want) + "\n  have " + abbreviate(canonical(r, serverRefs)));
          }
        }
      }
    }
    for (Map.Entry<String, List<Resource>> e : byIdentity.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        for (Resource r : e.getValue()) {
          if (!withdrawn(r)) {
            stale++;
            if (examples.size() < 5) {
              examples.add("not withdrawn " + e.getKey());
            }
          }
        }
      }
    }
    return new Counts(expected.size(), duplicates, missing, stale, examples);
  }

  private List<Resource> search(IQuery<?> query) {
    List<Resource> out = new ArrayList<>();
    Bundle page = query.usingStyle(SearchStyleEnum.POST).count(500).cacheControl(new CacheControlDirective().setNoCache(true))
        .returnBundle(Bundle.class).execute();
    while (true) {
      page.getEntry().forEach(e -> out.add(e.getResource()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return out;
      }
      page = client.loadPage().next(page).execute();
    }
  }

  private String libraryIdentity(Resource r) {
    if (r.fhirType().equals("Provenance")) {
      return "Provenance|" + r.getIdElement().getIdPart();
    }
    Identifier i = firstIdentifier(r);
    return r.fhirType() + "|" + i.getSystem() + "|" + i.getValue();
  }

  private String serverIdentity(Resource r) {
    if (r.fhirType().equals("Provenance")) {
      Coding tag = r.getMeta().getTag(uris.derivedSystem(), null);
      for (Coding c : r.getMeta().getTag()) {
        if (uris.derivedSystem().equals(c.getSystem())) {
          tag = c;
        }
      }
      return "Provenance|" + (tag != null ? tag.getCode() : r.getIdElement().getIdPart());
    }
    Identifier i = firstIdentifier(r);
    return r.fhirType() + "|" + i.getSystem() + "|" + i.getValue();
  }

  private static Identifier firstIdentifier(Resource r) {
    List<Identifier> all = PushWorld.FHIR.newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class);
    return all.get(0);
  }

  /** The Mentor-owned content: no server id, version, timestamps or source; references by their target's identity. */
  private String canonical(Resource original, Map<String, String> identityByRef) {
    Resource r = original.copy();
    r.setId((String) null);
    r.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
    r.getMeta().getTag().removeIf(c -> uris.derivedSystem().equals(c.getSystem()));
    // Labels and tags are sets: HAPI stores them in its own order.
    java.util.Comparator<Coding> bySystemAndCode = java.util.Comparator.comparing((Coding c) -> c.getSystem() + "|" + c.getCode());
    r.getMeta().getSecurity().sort(bySystemAndCode);
    r.getMeta().getTag().sort(bySystemAndCode);
    for (Reference ref : PushWorld.FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
      if (ref.hasReference()) {
        String plain = ref.getReferenceElement().toUnqualifiedVersionless().getValue();
        String identity = identityByRef.get(plain);
        ref.setReference(identity != null ? "=" + identity : plain);
      }
    }
    if (r.getMeta().isEmpty()) {
      r.setMeta(null);
    }
    return PushWorld.FHIR.newJsonParser().encodeResourceToString(r);
  }

  private static String abbreviate(String s) {
    return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
  }

  private static boolean withdrawn(Resource r) {
    if (r instanceof ServiceRequest sr) {
      return sr.getStatus() == ServiceRequest.ServiceRequestStatus.REVOKED;
    }
    if (r instanceof MedicationRequest mr) {
      return mr.getStatus() == MedicationRequest.MedicationRequestStatus.CANCELLED;
    }
    if (r instanceof Task t) {
      return t.getStatus() == Task.TaskStatus.CANCELLED;
    }
    if (r instanceof Condition c) {
      return c.getVerificationStatus().hasCoding(CaseBundles.CONDITION_VER_STATUS, "entered-in-error");
    }
    return false;
  }

  static Set<String> types() {
    return Set.copyOf(TYPES);
  }
}
