package org.mentor.fhir.push;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.mapping.CaseResources;
import org.jspecify.annotations.Nullable;
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
   * @param json the transaction encoded, as sent
   * @param resources the number of entries
   * @param record the journal record (version, date, hash of the bundle)
   * @param writesPatients whether it writes a resource Mentor shares with another system (a Patient)
   * @param shared the shared resources the case references, not in the transaction
   */
  record Plan(String json, int resources, PushRecord record, boolean writesPatients, ImmutableList<Shared> shared) {}

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
    Map<String, String> sharedRefs = new HashMap<>();
    if (mode == PushMode.CONDITIONAL_UPDATE) { // in PUT mode they are referenced by their deterministic ids, as mapped
      shared.values().forEach(sh -> sharedRefs.put(sh.key(), sh.resource().fhirType() + "?identifier=" + UrlUtil.escapeUrlParam(sh.group())));
    }
    String json = encodeTransaction(all, sharedRefs);
    boolean patients = all.stream().anyMatch(r -> r.fhirType().equals("Patient"));
    return new Plan(json, all.size(), new PushRecord(file.version(), asOf, hash(json)), patients, ImmutableList.copyOf(shared.values()));
  }

  /**
   * A transaction writing shared resources (one group or several), each an idempotent write as the mode says.
   *
   * @param resources the shared resources, not empty
   * @return the transaction, encoded
   */
  String planShared(List<Resource> resources) {
    return encodeTransaction(resources, Map.of());
  }

  /**
   * The transaction writing these resources, encoded: one entry per resource, {@code fullUrl} {@code urn:uuid:<id>} (the
   * mapping's deterministic id), each an idempotent write (MAPPING.md §7): in conditional mode {@code PUT
   * Type?identifier=system|value} on the first business identifier, Provenance (no identifier) by a Mentor tag
   * carrying its id, and no resource ids in the body; in PUT mode {@code PUT Type/<id>}. References to another entry
   * become its {@code urn:uuid}, references to a shared resource written apart the given URL.
   *
   * <p>The resources are left as they are (conditional entries are copies without ids). The same transaction
   * {@link FhirMapping#transaction} builds, without its walk over every element: the references are rewritten in the
   * encoded text. That is exact: in HAPI's compact JSON a
   * reference is the token {@code "reference":"Type/<id>"}, and the sequence {@code "reference":"} cannot occur inside
   * a string value (its quotes would be escaped). The push does this once per case, so it counts (issue 9's budget).
   */
  private String encodeTransaction(List<Resource> resources, Map<String, String> sharedRefs) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Map<String, String> rewrite = new HashMap<>(sharedRefs);
    for (Resource original : resources) {
      String id = original.getIdElement().getIdPart();
      String type = original.fhirType();
      rewrite.put(type + "/" + id, "urn:uuid:" + id);
      Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:" + id);
      entry.getRequest().setMethod(Bundle.HTTPVerb.PUT);
      if (mode == PushMode.DETERMINISTIC_ID) {
        entry.setResource(original).getRequest().setUrl(type + "/" + id);
        continue;
      }
      // A copy without the id (conditional writes carry none: the server's own ids apply). A copy, not the mapped
      // resource cleared: HAPI's encoder would contain an id-less resource another one points at.
      Resource r = original.copy();
      r.setId((String) null);
      entry.setResource(r);
      Identifier identifier = firstIdentifier(r);
      if (identifier != null) {
        entry.getRequest().setUrl(type + "?identifier=" + UrlUtil.escapeUrlParam(identifier.getSystem() + "|" + identifier.getValue()));
      } else {
        // No identifier (Provenance): a conditional update on a Mentor tag, since servers may refuse client ids.
        String system = mapping.uris().derivedSystem();
        if (r.getMeta().getTag(system, id) == null) {
          r.getMeta().addTag(system, id, null);
        }
        entry.getRequest().setUrl(type + "?_tag=" + UrlUtil.escapeUrlParam(system + "|" + id));
      }
    }
    String json = mapping.fhirContext().newJsonParser().encodeResourceToString(bundle);
    Matcher m = REFERENCE.matcher(json);
    StringBuilder out = new StringBuilder(json.length() + 1024);
    while (m.find()) {
      String target = rewrite.get(m.group(1));
      m.appendReplacement(out, target == null ? "$0" : Matcher.quoteReplacement("\"reference\":\"" + target + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A literal reference in HAPI's compact JSON, {@code "reference":"Type/id"}: group 1 is {@code Type/id}. */
  private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"([A-Za-z]+/[A-Za-z0-9.-]{1,64})\"");

  private @Nullable Identifier firstIdentifier(Resource r) {
    BaseRuntimeChildDefinition child = mapping.fhirContext().getResourceDefinition(r).getChildByName("identifier");
    if (child == null) {
      return null; // Provenance has none
    }
    // The child's accessor, not the terser: a terser parses its path on every call (a tenth of the push's own CPU).
    List<IBase> all = child.getAccessor().getValues(r);
    return all.isEmpty() ? null : (Identifier) all.get(0);
  }

  private Shared shared(Resource r) {
    Shared known = hashed.get(key(r));
    if (known != null && known.resource().equalsDeep(r)) {
      return known; // the same mentor in another case: comparing is cheaper than encoding and hashing again
    }
    Identifier id = firstIdentifier(r);
    if (id == null || !id.hasSystem() || !id.hasValue()) {
      throw new IllegalStateException("a shared " + r.fhirType() + " without a business identifier");
    }
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

  static String key(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }
}
