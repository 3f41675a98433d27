package org.mentor.fhir.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.context.FhirContext;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.http.FhirClientBuilder;
import org.mentor.fhir.http.FhirConnection;
import org.mentor.fhir.http.FhirConnection.Answer;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.mapping.Ids;
import org.mentor.fhir.mapping.MappingRow;
import org.mentor.fhir.mapping.MentorUris;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.InMemoryPushJournal;
import org.mentor.fhir.push.PushMode;
import org.mentor.fhir.push.PushReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what a FHIR server holds for a set of cases with what the library would write for them today, resource by
 * resource: by business identifier (the first identifier, which every write is conditional on; Provenance by the id
 * the push tags it with) and by the SHA-256 of its Mentor-owned content, that is the resource without the server's
 * id, version, timestamps and source, with labels and tags in a fixed order and references compared by their
 * target's business identity (so server-assigned ids do not matter).
 *
 * <pre>{@code
 * FhirReconcile reconcile = FhirReconcile.builder(registry, mapping, "https://fhir.example.gov/fhir").auth(auth).build();
 * ReconcileReport report = reconcile.check(registry.caseIds());
 * if (!report.clean()) {
 *   RepairReport repaired = reconcile.repair(report);     // re-push, remove duplicates; then checks again
 * }
 * }</pre>
 *
 * <p>Findings: {@code MISSING} (the library would write it, the server has none), {@code DIFFERING} (the server's
 * Mentor-owned content differs: someone changed it, or a push is pending), {@code DUPLICATE} (one identity twice) and
 * {@code UNEXPECTED} (under Mentor's identifiers, not written by the library today, and not withdrawn: withdrawn
 * resources, revoked or cancelled or entered-in-error, are history the push keeps on purpose). Resources another
 * system owns (a lab's Observation a pull read) carry no Mentor identifier and are neither compared nor touched.
 * Patients are the EMR's and are not compared. Resources cases share (a mentor's Practitioner) are reported as extra
 * only when every case of the registry is compared.
 *
 * <p>Reads bypass the server's search cache. Logs counts only. Thread-safe; close it when done.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirReconcile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FhirReconcile.class);

  private final CaseRegistry registry;
  private final FhirMapping mapping;
  private final MentorUris uris;
  private final FhirConnection connection;
  private final FhirHttp http;
  private final PushMode mode;
  private final int pageSize;
  private final boolean deleteUnexpected;
  private final ImmutableList<String> types;

  private FhirReconcile(Builder b, FhirConnection connection) {
    this.registry = b.registry;
    this.mapping = b.mapping;
    this.uris = b.mapping.uris();
    this.connection = connection;
    this.http = connection.http();
    this.mode = b.mode;
    this.pageSize = b.pageSize;
    this.deleteUnexpected = b.deleteUnexpected;
    Set<String> all = new TreeSet<>(b.mapping.eventTypes());
    Set<String> known = b.mapping.fhirContext().getResourceTypes();
    for (MappingRow row : b.mapping.table()) {
      if (known.contains(row.resource())) {
        all.add(row.resource());
      }
    }
    all.remove("Patient"); // the EMR's or the client registry's, never Mentor's alone
    all.remove("Provenance"); // no identifier: found by the push's tag or id
    this.types = ImmutableList.copyOf(all);
  }

  /**
   * A builder.
   *
   * @param registry the cases, not null
   * @param mapping the mapping the push uses, not null
   * @param serverBase the server's base URL, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, String serverBase) {
    return new Builder(registry, mapping, requireNonNull(serverBase, "serverBase"), null);
  }

  /**
   * A builder for a reconcile over an HTTP client the application shares with its push and pull: its base URL, pool,
   * timeouts and token source are used, and {@link #close()} leaves it open.
   *
   * @param registry the cases, not null
   * @param mapping the mapping the push uses, not null
   * @param http the HTTP client, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, FhirHttp http) {
    return new Builder(registry, mapping, null, requireNonNull(http, "http"));
  }

  /** Compares every case of the registry. */
  public ReconcileReport check() {
    return check(registry.caseIds());
  }

  /**
   * Compares the server with the library for some cases, as of the registry's today.
   *
   * @param caseIds the cases, each enrolled in the registry, not null
   * @return what differs
   */
  public ReconcileReport check(Collection<CaseId> caseIds) {
    long started = System.nanoTime();
    ImmutableList<CaseId> cases = ImmutableList.copyOf(requireNonNull(caseIds, "caseIds"));
    boolean everyCase = new HashSet<>(cases).containsAll(registry.caseIds());
    List<String> failures = new ArrayList<>();

    // The library's side: every resource of every case as of today, by identity.
    Map<String, Expected> expected = new LinkedHashMap<>();
    Map<String, String> libraryRefs = new HashMap<>();
    for (CaseId id : cases) {
      CaseResources resources = map(id);
      for (Resource r : resources.resources()) {
        String identity = libraryIdentity(r);
        expected.putIfAbsent(identity, new Expected(r, caseOfIdentity(identity).isPresent() ? Optional.of(id) : Optional.empty()));
        libraryRefs.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), identity);
      }
    }

    // The server's side: everything under Mentor's identifier systems, and the expected Provenance.
    List<Resource> found = new ArrayList<>();
    String systems = String.join(",", uris.caseSystem() + "|", uris.eventSystem() + "|", uris.milestoneSystem() + "|",
        uris.derivedSystem() + "|", uris.mentorSystem() + "|");
    for (String type : types) {
      found.addAll(search(type, List.of(param("identifier", systems)), failures));
    }
    List<String> provenanceIds = expected.values().stream().filter(e -> e.resource.fhirType().equals("Provenance"))
        .map(e -> e.resource.getIdElement().getIdPart()).toList();
    for (int i = 0; i < provenanceIds.size(); i += 100) {
      List<String> batch = provenanceIds.subList(i, Math.min(provenanceIds.size(), i + 100));
      found.addAll(search("Provenance", List.of(param("_tag", String.join(",", batch.stream().map(p -> uris.derivedSystem() + "|" + p).toList()))), failures));
      for (Resource r : search("Provenance", List.of(param("_id", String.join(",", batch))), failures)) {
        if (found.stream().noneMatch(f -> f.fhirType().equals("Provenance") && f.getIdElement().getIdPart().equals(r.getIdElement().getIdPart()))) {
          found.add(r);
        }
      }
    }
    Map<String, List<Resource>> onServer = new LinkedHashMap<>();
    Map<String, String> serverRefs = new HashMap<>();
    for (Resource r : found) {
      String identity = serverIdentity(r);
      onServer.computeIfAbsent(identity, k -> new ArrayList<>()).add(r);
      serverRefs.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), identity);
    }

    Set<CaseId> compared = new HashSet<>(cases);
    List<Finding> missing = new ArrayList<>();
    List<Finding> differing = new ArrayList<>();
    List<Finding> extra = new ArrayList<>();
    int matching = 0;
    for (Map.Entry<String, Expected> e : expected.entrySet()) {
      String want = hash(canonical(e.getValue().resource, libraryRefs));
      List<Resource> copies = onServer.getOrDefault(e.getKey(), List.of());
      if (copies.isEmpty()) {
        missing.add(new Finding(Finding.Kind.MISSING, e.getValue().caseId, e.getKey(), Optional.empty(), Optional.of(want), Optional.empty()));
        continue;
      }
      // The copy to keep: one with the expected content, else the oldest.
      List<Resource> sorted = new ArrayList<>(copies);
      sorted.sort(Comparator.comparing((Resource r) -> !hash(canonical(r, serverRefs)).equals(want))
          .thenComparing(r -> r.getMeta().hasLastUpdated() ? r.getMeta().getLastUpdated().toInstant() : Instant.MIN));
      Resource kept = sorted.get(0);
      String have = hash(canonical(kept, serverRefs));
      if (have.equals(want)) {
        matching += copies.size() == 1 ? 1 : 0;
      } else {
        differing.add(new Finding(Finding.Kind.DIFFERING, e.getValue().caseId, e.getKey(), Optional.of(version(kept)), Optional.of(want), Optional.of(have)));
      }
      for (Resource copy : sorted.subList(1, sorted.size())) {
        extra.add(new Finding(Finding.Kind.DUPLICATE, e.getValue().caseId, e.getKey(), Optional.of(version(copy)), Optional.of(want),
            Optional.of(hash(canonical(copy, serverRefs)))));
      }
    }
    for (Map.Entry<String, List<Resource>> e : onServer.entrySet()) {
      if (expected.containsKey(e.getKey())) {
        continue;
      }
      Optional<CaseId> owner = caseOfIdentity(e.getKey());
      boolean ours = owner.map(compared::contains).orElse(everyCase && !e.getKey().startsWith("Provenance|"));
      if (!ours) {
        continue; // another case's, or shared by cases not compared
      }
      for (Resource r : e.getValue()) {
        if (!withdrawn(r)) {
          extra.add(new Finding(Finding.Kind.UNEXPECTED, owner, e.getKey(), Optional.of(version(r)), Optional.empty(),
              Optional.of(hash(canonical(r, serverRefs)))));
        }
      }
    }
    List<Finding> findings = new ArrayList<>(missing);
    findings.addAll(differing);
    findings.addAll(extra);
    ReconcileReport report = new ReconcileReport(cases, expected.size(), matching, ImmutableList.copyOf(findings), ImmutableList.copyOf(failures),
        Duration.ofNanos(System.nanoTime() - started));
    LOG.info("FHIR reconcile: {} cases, {} resources expected, {} matching, {} missing, {} differing, {} extra, {} failed searches, in {} ms",
        cases.size(), report.expected(), matching, missing.size(), differing.size(), extra.size(), failures.size(), report.took().toMillis());
    return report;
  }

  /**
   * Repairs what a reconcile found: deletes duplicate copies (keeping the one with the expected content, else the
   * oldest; each delete conditional on the version seen, so a copy changed meanwhile stays), deletes unexpected
   * resources if the builder allows it, then re-pushes every case with a missing, differing or duplicated resource as
   * a first push would (a fresh in-memory journal: the whole case, each write idempotent), and reconciles again.
   *
   * @param report a reconcile of this instance, not null
   * @return what was done, and the reconcile after it
   */
  public RepairReport repair(ReconcileReport report) {
    requireNonNull(report, "report");
    List<String> deleted = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Set<CaseId> repush = new LinkedHashSet<>();
    for (Finding f : report.findings()) {
      boolean delete = f.kind() == Finding.Kind.DUPLICATE || (f.kind() == Finding.Kind.UNEXPECTED && deleteUnexpected);
      if (delete && f.serverResource().isPresent()) {
        String version = f.serverResource().get();
        int at = version.indexOf("/_history/");
        String url = at < 0 ? version : version.substring(0, at);
        Optional<String> ifMatch = at < 0 ? Optional.empty() : Optional.of("W/\"" + version.substring(at + "/_history/".length()) + "\"");
        Answer answer = connection.withRetries(() -> http.delete(url, ifMatch));
        if (answer.ok()) {
          deleted.add(version);
        } else {
          failures.add("delete of " + version + " refused (" + connection.failure(answer, mapping.fhirContext()) + ")");
        }
      }
      if (f.kind() != Finding.Kind.UNEXPECTED) {
        repush.add(f.caseId().orElseGet(() -> caseReferencing(f.identity(), report.cases())));
      }
    }
    PushReport pushed;
    try (FhirPush push = FhirPush.builder(registry, mapping, http).journal(new InMemoryPushJournal()).mode(mode)
        .retry(connection.retry()).redact(connection.redact()).build()) {
      pushed = push.push(repush);
    }
    pushed.failures().forEach(failure -> failures.add(failure.toString()));
    ReconcileReport after = check(report.cases());
    LOG.info("FHIR repair: {} copies deleted, {} cases re-pushed, {} failures; afterwards {} findings", deleted.size(), pushed.pushed(),
        failures.size(), after.findings().size());
    return new RepairReport(ImmutableList.copyOf(deleted), pushed, ImmutableList.copyOf(failures), after);
  }

  /** The first compared case whose mapping holds a shared resource (a mentor's Practitioner). */
  private CaseId caseReferencing(String identity, List<CaseId> cases) {
    for (CaseId id : cases) {
      for (Resource r : map(id).resources()) {
        if (libraryIdentity(r).equals(identity)) {
          return id;
        }
      }
    }
    return cases.get(0);
  }

  private CaseResources map(CaseId id) {
    CaseFile file = registry.file(id);
    Protocol protocol = file.facts().protocol().flatMap(registry::protocol)
        .orElseThrow(() -> new IllegalStateException("the protocol of a case is not configured"));
    return mapping.map(file, protocol, registry.today());
  }

  /** A resource the library would write, and its case (empty for resources cases share). */
  private record Expected(Resource resource, Optional<CaseId> caseId) {}

  private List<Resource> search(String type, List<Map.Entry<String, String>> criteria, List<String> failures) {
    List<Map.Entry<String, String>> params = new ArrayList<>(criteria);
    params.add(param("_count", Integer.toString(pageSize)));
    List<Resource> out = new ArrayList<>();
    Answer answer = connection.withRetries(() -> http.search(type, params));
    for (int restarts = 0; ; ) {
      if ((answer.status() == 404 || answer.status() == 410) && restarts++ < 3) {
        out.clear(); // the paging links expired: run the search again
        answer = connection.withRetries(() -> http.search(type, params));
        continue;
      }
      if (!answer.ok()) {
        failures.add(type + " search failed (" + connection.failure(answer, mapping.fhirContext()) + ")");
        return out;
      }
      Bundle page = mapping.fhirContext().newJsonParser().parseResource(Bundle.class, answer.body());
      for (Bundle.BundleEntryComponent e : page.getEntry()) {
        if (e.hasResource() && e.getSearch().getMode() != Bundle.SearchEntryMode.OUTCOME) {
          out.add(e.getResource());
        }
      }
      Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
      if (next == null || !next.hasUrl()) {
        return out;
      }
      String url = next.getUrl();
      answer = connection.withRetries(() -> http.get(url));
    }
  }

  private String libraryIdentity(Resource r) {
    if (r.fhirType().equals("Provenance")) {
      return "Provenance|" + r.getIdElement().getIdPart();
    }
    Identifier i = firstIdentifier(r);
    return i == null ? r.fhirType() + "|" + r.getIdElement().getIdPart() : r.fhirType() + "|" + i.getSystem() + "|" + i.getValue();
  }

  private String serverIdentity(Resource r) {
    if (r.fhirType().equals("Provenance")) {
      for (Coding c : r.getMeta().getTag()) {
        if (uris.derivedSystem().equals(c.getSystem())) {
          return "Provenance|" + c.getCode();
        }
      }
      return "Provenance|" + r.getIdElement().getIdPart();
    }
    return libraryIdentity(r);
  }

  /** The case an identity's value names ({@code <case>/<local>}, or the case identifier itself); empty for shared ones. */
  private Optional<CaseId> caseOfIdentity(String identity) {
    String[] parts = identity.split("\\|", 3);
    if (parts.length < 3) {
      return Optional.empty();
    }
    if (parts[1].equals(uris.caseSystem())) {
      return Optional.of(CaseId.of(parts[2]));
    }
    if (parts[1].equals(uris.mentorSystem())) {
      return Optional.empty();
    }
    List<String> split = Ids.split(parts[2]);
    return split.isEmpty() ? Optional.empty() : Optional.of(CaseId.of(split.get(0)));
  }

  private @Nullable Identifier firstIdentifier(Resource r) {
    FhirContext fhir = mapping.fhirContext();
    if (fhir.getResourceDefinition(r).getChildByName("identifier") == null) {
      return null;
    }
    List<Identifier> all = fhir.newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The Mentor-owned content: no server id, version, timestamps or source; references by their target's identity. */
  private String canonical(Resource original, Map<String, String> identityByRef) {
    Resource r = original.copy();
    r.setId((String) null);
    r.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
    r.getMeta().getTag().removeIf(c -> uris.derivedSystem().equals(c.getSystem()));
    Comparator<Coding> bySystemAndCode = Comparator.comparing((Coding c) -> c.getSystem() + "|" + c.getCode());
    r.getMeta().getSecurity().sort(bySystemAndCode);
    r.getMeta().getTag().sort(bySystemAndCode);
    for (Reference ref : mapping.fhirContext().newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
      if (ref.hasReference()) {
        String plain = ref.getReferenceElement().toUnqualifiedVersionless().getValue();
        String identity = identityByRef.get(plain);
        ref.setReference(identity != null ? "=" + identity : plain);
      }
    }
    if (r.getMeta().isEmpty()) {
      r.setMeta(null);
    }
    return mapping.fhirContext().newJsonParser().encodeResourceToString(r);
  }

  private static String hash(String canonical) {
    return Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
  }

  private static String version(Resource r) {
    String id = r.fhirType() + "/" + r.getIdElement().getIdPart();
    String v = r.getMeta().getVersionId();
    return v == null || v.isBlank() ? id : id + "/_history/" + v;
  }

  /** Withdrawn on purpose: a revoked or cancelled request, a cancelled Task, anything entered in error. */
  private boolean withdrawn(Resource r) {
    FhirContext fhir = mapping.fhirContext();
    if (fhir.getResourceDefinition(r).getChildByName("status") != null) {
      String status = fhir.newTerser().getSinglePrimitiveValueOrNull(r, "status");
      if (status != null && Set.of("revoked", "cancelled", "entered-in-error").contains(status)) {
        return true;
      }
    }
    if (r instanceof org.hl7.fhir.r4.model.Condition c) {
      return c.getVerificationStatus().getCoding().stream().anyMatch(code -> "entered-in-error".equals(code.getCode()));
    }
    return false;
  }

  private static Map.Entry<String, String> param(String name, String value) {
    return new SimpleEntry<>(name, value);
  }

  /** Closes the HTTP client, if the reconcile made its own. */
  @Override
  public void close() {
    connection.close();
  }

  /**
   * Configures a {@link FhirReconcile}: how to compare and repair, and (from {@link FhirClientBuilder}) the server's
   * HTTP settings, retries and redaction, which the repair's push uses too.
   */
  public static final class Builder extends FhirClientBuilder<Builder> {
    private final CaseRegistry registry;
    private final FhirMapping mapping;
    private PushMode mode = PushMode.CONDITIONAL_UPDATE;
    private int pageSize = 500;
    private boolean deleteUnexpected;

    private Builder(CaseRegistry registry, FhirMapping mapping, @Nullable String serverBase, @Nullable FhirHttp http) {
      super(serverBase, http, "reconcile");
      this.registry = requireNonNull(registry, "registry");
      this.mapping = requireNonNull(mapping, "mapping");
    }

    /** How the repair writes: the mode the push uses (default {@link PushMode#CONDITIONAL_UPDATE}). */
    public Builder mode(PushMode mode) {
      this.mode = requireNonNull(mode, "mode");
      return this;
    }

    /** Results per page (default 500). */
    public Builder pageSize(int size) {
      checkArgument(size >= 1 && size <= 1000, "pageSize must be between 1 and 1000");
      this.pageSize = size;
      return this;
    }

    /**
     * Whether a repair deletes {@code UNEXPECTED} resources too (default off: a resource under Mentor's identifiers that
     * this library would not write may be another installation's newer work; duplicates are always removed).
     */
    public Builder deleteUnexpected(boolean delete) {
      this.deleteUnexpected = delete;
      return this;
    }

    /** Builds the reconcile; it owns (and closes) its HTTP client unless it was built over a shared one. */
    public FhirReconcile build() {
      return new FhirReconcile(this, connect());
    }
  }
}
