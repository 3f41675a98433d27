package org.mentor.fhir.push;

import ca.uhn.fhir.util.UrlUtil;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * Builds the transaction that brings the server from whatever an earlier push may have written to a case's current
 * content: the case mapped as of today, plus a withdrawn copy of every resource an earlier (confirmed or unconfirmed)
 * push wrote that the case no longer has (MAPPING.md §7: a milestone that disappears is {@code revoked}).
 *
 * <p>Resources many cases share (a mentor's Practitioner and PractitionerRole: one per mentor, referenced by all her
 * cases) are left out of the case's transaction and returned beside it, to be written once per push before the case
 * ({@link #planShared}); the case references them by business identifier ({@code PractitionerRole?identifier=…}, which
 * the server resolves) or, in PUT mode, by their deterministic id.
 */
final class CaseBundles {
  /** The v4 Condition verification status system, for a Condition that no longer holds. */
  static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  private final FhirMapping mapping;
  private final PushMode mode;
  /** The last hash computed per shared resource (a handful: one pair per mentor), reused while its content is equal. */
  private final Map<String, Shared> hashed = new ConcurrentHashMap<>();

  CaseBundles(FhirMapping mapping, PushMode mode) {
    this.mapping = mapping;
    this.mode = mode;
  }

  /**
   * Whether many cases share the resource: a mentor's Practitioner and PractitionerRole, the same in every case that
   * names her. They are Mentor's own (identified in Mentor's mentor system; no other system writes them), so a version
   * conflict on them is re-read and retried, as on any resource Mentor owns.
   */
  static boolean isShared(Resource r) {
    return r instanceof Practitioner || r instanceof PractitionerRole;
  }

  /**
   * A shared resource a case references.
   *
   * @param key {@code Type/id} with the mapping's deterministic id (the journal's key: no identifier in it)
   * @param group what it is written with: the shared resources with the same business identifier (a mentor's
   *     Practitioner and PractitionerRole), as {@code system|value}; held in memory only
   * @param resource the resource as mapped
   * @param hash the SHA-256 of its content
   */
  record Shared(String key, String group, Resource resource, String hash) {}

  /**
   * A transaction ready to send and what it records.
   *
   * @param bundle the transaction
   * @param json the transaction encoded, as sent
   * @param resources the number of entries
   * @param record the journal record (version, date, hash of the bundle)
   * @param writesPatients whether it writes a resource Mentor shares with another system (a Patient)
   * @param shared the shared resources the case references, not in the transaction
   */
  record Plan(Bundle bundle, String json, int resources, PushRecord record, boolean writesPatients, ImmutableList<Shared> shared) {}

  /**
   * Plans a case's push.
   *
   * @param file the case now
   * @param protocolOf the protocol of a file (the case's own, as of any version)
   * @param asOf today
   * @param earlier what earlier pushes sent and the server may hold: the confirmed record and the unconfirmed ones
   */
  Plan plan(CaseFile file, Function<CaseFile, Protocol> protocolOf, LocalDate asOf, List<PushRecord> earlier) {
    CaseResources mapped = mapping.map(file, protocolOf.apply(file), asOf);
    List<Resource> own = new ArrayList<>();
    Map<String, Shared> shared = new LinkedHashMap<>();
    for (Resource r : mapped.resources()) {
      if (isShared(r)) {
        shared.put(key(r), shared(r));
      } else {
        own.add(r);
      }
    }
    CaseResources current = new CaseResources(mapped.caseId(), asOf, ImmutableList.copyOf(own));
    Set<String> now = current.resources().stream().map(CaseBundles::key).collect(Collectors.toSet());
    Map<String, Resource> vanished = new LinkedHashMap<>();
    List<PathwayEvent> history = file.history();
    for (PushRecord r : earlier) {
      if (r.caseVersion() > history.size() || (r.caseVersion() == file.version() && r.asOf().equals(asOf))) {
        continue; // the same mapping as now; or a version this store no longer has (nothing to rebuild it from)
      }
      CaseFile then = CaseFile.replay(file.caseId(), history.subList(0, (int) r.caseVersion()));
      for (Resource res : mapping.map(then, protocolOf.apply(then), r.asOf()).resources()) {
        if (isShared(res)) {
          // Never the case's to withdraw; but a withdrawn resource may still name it (a Task's former owner).
          shared.computeIfAbsent(key(res), k -> shared(res));
        } else if (!now.contains(key(res))) {
          vanished.put(key(res), res); // the later push's copy wins
        }
      }
    }
    List<Resource> all = new ArrayList<>(current.resources());
    all.addAll(withdrawn(current, ImmutableList.copyOf(vanished.values())));
    Bundle bundle = mapping.transaction(new CaseResources(current.caseId(), asOf, ImmutableList.copyOf(all)));
    Map<String, String> sharedRefs = new HashMap<>();
    shared.values().forEach(sh -> sharedRefs.put(sh.key(), sh.resource().fhirType() + "?identifier=" + UrlUtil.escapeUrlParam(sh.group())));
    boolean patients = false;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      adapt(entry, sharedRefs);
      patients |= entry.getResource().fhirType().equals("Patient");
    }
    String json = mapping.fhirContext().newJsonParser().encodeResourceToString(bundle);
    return new Plan(bundle, json, bundle.getEntry().size(), new PushRecord(file.version(), asOf, hash(json)), patients,
        ImmutableList.copyOf(shared.values()));
  }

  /**
   * A transaction writing shared resources (one group or several), each an idempotent write as the mode says.
   *
   * @param caseId a case that references them (the mapping's bundle builder wants one; nothing of it is sent)
   * @param asOf today
   * @param resources the shared resources, not empty
   * @return the transaction, encoded
   */
  String planShared(CaseId caseId, LocalDate asOf, List<Resource> resources) {
    Bundle bundle = mapping.transaction(new CaseResources(caseId, asOf, ImmutableList.copyOf(resources)));
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      adapt(entry, Map.of());
    }
    return mapping.fhirContext().newJsonParser().encodeResourceToString(bundle);
  }

  private Shared shared(Resource r) {
    Shared known = hashed.get(key(r));
    if (known != null && known.resource().equalsDeep(r)) {
      return known; // the same mentor in another case: comparing is cheaper than encoding and hashing again
    }
    Identifier id = identifier(r);
    Shared fresh = new Shared(key(r), id.getSystem() + "|" + id.getValue(), r, hash(mapping.fhirContext().newJsonParser().encodeResourceToString(r)));
    hashed.put(fresh.key(), fresh);
    return fresh;
  }

  private static String hash(String json) {
    return Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString();
  }

  private Identifier identifier(Resource r) {
    List<Identifier> all = mapping.fhirContext().newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class);
    if (all.isEmpty() || !all.get(0).hasSystem() || !all.get(0).hasValue()) {
      throw new IllegalStateException("a shared " + r.fhirType() + " without a business identifier");
    }
    return all.get(0);
  }
  /**
   * The vanished resources as they are to stay on the server: milestone requests revoked or cancelled (the mapping's
   * own rule), a Task cancelled, a Condition entered-in-error; anything else (which a case never loses: voided events
   * stay, as entered-in-error) unchanged, so that references to it still resolve.
   */
  private List<Resource> withdrawn(CaseResources current, ImmutableList<Resource> vanished) {
    List<Resource> out = new ArrayList<>();
    CaseResources before = new CaseResources(current.caseId(), current.asOf(), vanished);
    Map<String, Resource> revoked = mapping.revocations(before, current).stream()
        .collect(Collectors.toMap(CaseBundles::key, r -> r, (a, b) -> a));
    for (Resource r : vanished) {
      Resource w = revoked.get(key(r));
      if (w != null) {
        out.add(w);
      } else if (r instanceof Task t) {
        out.add(t.copy().setStatus(Task.TaskStatus.CANCELLED));
      } else if (r instanceof Condition c) {
        Condition copy = c.copy();
        copy.setClinicalStatus(null); // con-5: no clinical status when entered in error
        copy.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VER_STATUS, "entered-in-error", "Entered in Error")));
        out.add(copy);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Rewrites an entry's request for the mode: Provenance by tag (conditional), or every entry by its id (PUT); and, in
   * conditional mode, its references to shared resources (sent apart, under server-assigned ids) by business identifier.
   */
  private void adapt(Bundle.BundleEntryComponent entry, Map<String, String> sharedRefs) {
    Resource resource = entry.getResource();
    if (mode == PushMode.CONDITIONAL_UPDATE && !sharedRefs.isEmpty()) {
      for (Reference ref : mapping.fhirContext().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
        String conditional = ref.hasReference() ? sharedRefs.get(ref.getReference()) : null;
        if (conditional != null) {
          ref.setReference(conditional);
        }
      }
    }
    String id = entry.getFullUrl().substring("urn:uuid:".length());
    String type = resource.fhirType();
    if (mode == PushMode.DETERMINISTIC_ID) {
      resource.setId(id);
      entry.getRequest().setUrl(type + "/" + id);
    } else if (entry.getRequest().getUrl().equals(type + "/" + id)) {
      // No identifier (Provenance): a conditional update on a Mentor tag, since servers may refuse client ids.
      String system = mapping.uris().derivedSystem();
      if (resource.getMeta().getTag(system, id) == null) {
        resource.getMeta().addTag(system, id, null);
      }
      resource.setId((String) null);
      entry.getRequest().setUrl(type + "?_tag=" + UrlUtil.escapeUrlParam(system + "|" + id));
    }
  }

  static String key(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }
}
