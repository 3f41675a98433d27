package org.mentor.fhir.push;

import ca.uhn.fhir.util.UrlUtil;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * Builds the transaction that brings the server from whatever an earlier push may have written to a case's current
 * content: the case mapped as of today, plus a withdrawn copy of every resource an earlier (confirmed or unconfirmed)
 * push wrote that the case no longer has (MAPPING.md §7: a milestone that disappears is {@code revoked}).
 */
final class CaseBundles {
  /** The v4 Condition verification status system, for a Condition that no longer holds. */
  static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  private final FhirMapping mapping;
  private final PushMode mode;

  CaseBundles(FhirMapping mapping, PushMode mode) {
    this.mapping = mapping;
    this.mode = mode;
  }

  /**
   * A transaction ready to send and what it records.
   *
   * @param bundle the transaction
   * @param json the transaction encoded, as sent
   * @param resources the number of entries
   * @param record the journal record (version, date, hash of the bundle)
   * @param writesShared whether it writes a resource Mentor shares (a Patient)
   */
  record Plan(Bundle bundle, String json, int resources, PushRecord record, boolean writesShared) {}

  /**
   * Plans a case's push.
   *
   * @param file the case now
   * @param protocolOf the protocol of a file (the case's own, as of any version)
   * @param asOf today
   * @param earlier what earlier pushes sent and the server may hold: the confirmed record and the unconfirmed ones
   */
  Plan plan(CaseFile file, Function<CaseFile, Protocol> protocolOf, LocalDate asOf, List<PushRecord> earlier) {
    CaseResources current = mapping.map(file, protocolOf.apply(file), asOf);
    Set<String> now = current.resources().stream().map(CaseBundles::key).collect(Collectors.toSet());
    Map<String, Resource> vanished = new LinkedHashMap<>();
    List<PathwayEvent> history = file.history();
    for (PushRecord r : earlier) {
      if (r.caseVersion() > history.size() || (r.caseVersion() == file.version() && r.asOf().equals(asOf))) {
        continue; // the same mapping as now; or a version this store no longer has (nothing to rebuild it from)
      }
      CaseFile then = CaseFile.replay(file.caseId(), history.subList(0, (int) r.caseVersion()));
      for (Resource res : mapping.map(then, protocolOf.apply(then), r.asOf()).resources()) {
        if (!now.contains(key(res))) {
          vanished.put(key(res), res); // the later push's copy wins
        }
      }
    }
    List<Resource> all = new ArrayList<>(current.resources());
    all.addAll(withdrawn(current, ImmutableList.copyOf(vanished.values())));
    Bundle bundle = mapping.transaction(new CaseResources(current.caseId(), asOf, ImmutableList.copyOf(all)));
    boolean shared = false;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      adapt(entry);
      shared |= entry.getResource().fhirType().equals("Patient");
    }
    String json = mapping.fhirContext().newJsonParser().encodeResourceToString(bundle);
    String hash = Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString();
    return new Plan(bundle, json, bundle.getEntry().size(), new PushRecord(file.version(), asOf, hash), shared);
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

  /** Rewrites an entry's request for the mode: Provenance by tag (conditional), or every entry by its id (PUT). */
  private void adapt(Bundle.BundleEntryComponent entry) {
    Resource resource = entry.getResource();
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
