package org.mentor.fhir.pull;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorException;
import org.mentor.core.UnknownCaseException;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Voided;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.imports.FhirImporter;
import org.mentor.fhir.imports.ImportedCase;
import org.mentor.fhir.http.FhirClientBuilder;
import org.mentor.fhir.http.FhirConnection;
import org.mentor.fhir.http.FhirConnection.Answer;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.CaseReader;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.CaseReader.EventIdentity;
import org.mentor.fhir.mapping.CaseReader.Input;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls what changed on a FHIR R4 server into a registry's cases: a lab's result, a transfer another clinic logged,
 * a correction another Mentor installation pushed. Each pull reads, for every resource type that carries events,
 * the versions changed since the cursor ({@code _lastUpdated}, reaching back over an overlap window, following the
 * paging links and starting a search again if the server expired them), skips the versions it read already, and
 * records each resource on its case through the mapping's validated import ({@link FhirImporter}).
 *
 * <pre>{@code
 * FhirPull pull = FhirPull.builder(registry, mapping, "https://fhir.example.gov/fhir").auth(auth).build();
 * PullReport report = pull.pull(PullCursor.fromJson(stored));
 * store(report.cursor().toJson());                        // also after an incomplete pull
 * report.refusals().forEach(r -> alert(r.toString()));    // "Observation/81/_history/1 refused at Observation.valueQuantity [VL-001]"
 * report.conflicts().forEach(c -> review(c));
 * }</pre>
 *
 * <p>What is read: Mentor's own resources of the programme (by its event identifier system, with the Provenance that
 * names their recorders) and other systems' resources about the cases' mothers and infants (chained on the subject
 * Patient's identifier, with the Patient). A third party's resource becomes an event whose {@link RecordedBy#origin()}
 * names the server, {@code Type/id} and the version read; the mapping never writes such a fact, so a push never sends
 * it back, and a later version of it becomes a correction ({@code entered-in-error}: a void). A fact changed on the
 * server and also here is a {@link PullConflict}, recorded nowhere; a resource the import refuses is a
 * {@link PullRefusal} naming resource, element and rule; the pull goes on with the rest in both cases.
 *
 * <p>Thread-safe to share, but run one pull at a time per registry: two would read the same changes and race to
 * record them (event ids derived from the server's versions keep a fact from being recorded twice; the loser's
 * attempts are refused). Logs counts and durations only, never patient data or identifiers.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirPull implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FhirPull.class);
  private static final int MAX_RESTARTS = 3;

  private final CaseRegistry registry;
  private final FhirMapping mapping;
  private final FhirImporter importer;
  private final CaseReader reader;
  private final FhirConnection connection;
  private final FhirHttp http;
  private final int pageSize;
  private final int subjectsPerSearch;
  private final Duration overlap;
  private final RecordedBy recordedBy;
  private final ImmutableList<String> types;

  private FhirPull(Builder b, FhirConnection connection) {
    this.registry = b.registry;
    this.mapping = b.mapping;
    this.importer = new FhirImporter(b.mapping);
    this.reader = b.mapping.reader();
    this.connection = connection;
    this.http = connection.http();
    this.pageSize = b.pageSize;
    this.subjectsPerSearch = b.subjectsPerSearch;
    this.overlap = b.overlap;
    this.recordedBy = b.recordedBy;
    this.types = ImmutableList.sortedCopyOf(b.mapping.eventTypes());
  }

  /**
   * A builder.
   *
   * @param registry the cases to pull into, not null
   * @param mapping the mapping (URIs, import, FhirContext), not null
   * @param serverBase the server's base URL, such as {@code https://fhir.example.gov/fhir}, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, String serverBase) {
    return new Builder(registry, mapping, requireNonNull(serverBase, "serverBase"), null);
  }

  /**
   * A builder for a pull over an HTTP client the application shares with its push: its base URL, pool, timeouts and
   * token source are used, and {@link #close()} leaves it open.
   *
   * @param registry the cases to pull into, not null
   * @param mapping the mapping, not null
   * @param http the HTTP client, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, FhirHttp http) {
    return new Builder(registry, mapping, null, requireNonNull(http, "http"));
  }

  /**
   * Pulls what changed since the cursor for every case of the registry.
   *
   * @param cursor where to start ({@link PullCursor#start()} the first time), not null
   * @return what happened, with the next cursor
   */
  public PullReport pull(PullCursor cursor) {
    return pull(cursor, registry.caseIds());
  }

  /**
   * Pulls what changed since the cursor for some cases.
   *
   * @param cursor where to start, not null
   * @param cases the cases, each enrolled in the registry, not null
   * @return what happened, with the next cursor
   */
  public PullReport pull(PullCursor cursor, Collection<CaseId> cases) {
    requireNonNull(cursor, "cursor");
    Run run = new Run(cursor, ImmutableList.copyOf(requireNonNull(cases, "cases")));
    PullReport report = run.run();
    LOG.info("FHIR pull: {} resources considered, {} recorded ({} events), {} unchanged, {} duplicates skipped, {} refused, "
        + "{} conflicts, {} pages, {} searches restarted, {} failed searches, in {} ms", report.considered(), report.imported().size(),
        report.events(), report.unchanged(), report.duplicates(), report.refusals().size(), report.conflicts().size(), report.pages(),
        report.restartedSearches(), report.failures().size(), report.took().toMillis());
    if (report.unauthorized()) {
      LOG.warn("FHIR pull stopped: the server refused the credentials (HTTP 401/403)");
    }
    return report;
  }

  /** Closes the HTTP client, if the pull made its own. */
  @Override
  public void close() {
    connection.close();
  }

  private Bundle bundle(Answer answer) {
    return mapping.fhirContext().newJsonParser().parseResource(Bundle.class, answer.body());
  }

  /** One pull: its searches, what they found, and what became of it. */
  private final class Run {
    private final PullCursor cursor;
    private final Set<CaseId> cases;
    private final Map<String, List<CaseId>> casesBySubject = new HashMap<>();
    private final long started = System.nanoTime();
    private final Map<String, Instant> read = new LinkedHashMap<>();
    private final List<PulledFact> imported = new ArrayList<>();
    private final List<PullConflict> conflicts = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Pending> refused = new ArrayList<>();
    private @Nullable Instant watermark;
    private int considered;
    private int unchanged;
    private int duplicates;
    private int otherCases;
    private int pages;
    private int restarts;
    private boolean unauthorized;

    Run(PullCursor cursor, List<CaseId> cases) {
      this.cursor = cursor;
      this.cases = new HashSet<>(cases);
      for (CaseId id : cases) {
        CaseFile file = registry.file(id);
        file.facts().enrolment().map(Enrolled::motherId)
            .ifPresent(m -> casesBySubject.computeIfAbsent(token(mapping.uris().motherSystem(), m.value()), k -> new ArrayList<>()).add(id));
        for (InfantId infant : file.facts().infants().keySet()) {
          casesBySubject.computeIfAbsent(token(mapping.uris().infantSystem(), infant.toString()), k -> new ArrayList<>()).add(id);
        }
      }
    }

    PullReport run() {
      List<String> subjects = new ArrayList<>(casesBySubject.keySet());
      subjects.sort(null);
      for (String type : types) {
        if (unauthorized) {
          break;
        }
        // Mentor's own resources of the programme, with the Provenance naming their recorders.
        search(type, List.of(param("identifier", escape(mapping.uris().eventSystem()) + "|"), param("_revinclude", "Provenance:target")));
        // Other systems' resources about the cases' mothers and infants, with the Patient they name.
        Optional<String> subject = subjectParameter(type);
        for (int i = 0; subject.isPresent() && i < subjects.size() && !unauthorized; i += subjectsPerSearch) {
          List<String> batch = subjects.subList(i, Math.min(subjects.size(), i + subjectsPerSearch));
          String chain = subject.get().equals("patient") ? "patient.identifier" : "subject:Patient.identifier";
          search(type, List.of(param(chain, String.join(",", batch)), param("_include", type + ":" + subject.get())));
        }
      }
      retryRefused();
      boolean complete = failures.isEmpty() && !unauthorized;
      PullCursor next = cursor.next(complete ? Optional.ofNullable(watermark) : Optional.empty(), read, overlap);
      List<PullRefusal> refusals = refused.stream().map(p -> p.refusal).toList();
      return new PullReport(considered, ImmutableList.copyOf(imported), unchanged, duplicates, otherCases, ImmutableList.copyOf(refusals),
          ImmutableList.copyOf(conflicts), ImmutableList.copyOf(failures), unauthorized, pages, restarts, next,
          Duration.ofNanos(System.nanoTime() - started));
    }

    /** Runs one search to its last page, starting it again when the server expired its paging links. */
    private void search(String type, List<Map.Entry<String, String>> criteria) {
      List<Map.Entry<String, String>> params = new ArrayList<>(criteria);
      cursor.since().ifPresent(since -> params.add(param("_lastUpdated", "ge" + since.minus(overlap))));
      params.add(param("_count", Integer.toString(pageSize)));
      Answer answer = connection.withRetries(() -> http.search(type, params));
      if (!answer.ok()) {
        fail(type, answer);
        return;
      }
      Bundle page = bundle(answer);
      if (!page.getMeta().hasLastUpdated()) {
        failures.add(type + " search: the server gave no search time (Bundle.meta.lastUpdated), so no cursor can follow it");
        return;
      }
      Instant searchedAt = page.getMeta().getLastUpdated().toInstant();
      watermark = watermark == null || searchedAt.isBefore(watermark) ? searchedAt : watermark;
      int restarted = 0;
      while (true) {
        pages++;
        process(page, searchedAt);
        Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
        if (next == null || !next.hasUrl()) {
          return;
        }
        String url = next.getUrl();
        answer = connection.withRetries(() -> http.get(url));
        if (answer.status() == 404 || answer.status() == 410) {
          // HAPI answers 410 when the search's cached results expired: run it again; what was read is skipped.
          if (++restarted > MAX_RESTARTS) {
            fail(type, answer);
            return;
          }
          restarts++;
          answer = connection.withRetries(() -> http.search(type, params));
        }
        if (!answer.ok()) {
          fail(type, answer);
          return;
        }
        page = bundle(answer);
      }
    }

    private void fail(String type, Answer answer) {
      if (answer.status() == 401 || answer.status() == 403) {
        unauthorized = true;
      }
      failures.add(type + " search failed (" + connection.failure(answer, mapping.fhirContext()) + ")");
    }

    /**
     * The resources of one page: the matches, each with the Patients and Provenance that came with the page. A resource
     * without {@code meta.lastUpdated} (HAPI always sets it) counts as updated when its search ran.
     */
    private void process(Bundle page, Instant searchedAt) {
      List<Input> context = new ArrayList<>();
      List<Bundle.BundleEntryComponent> matches = new ArrayList<>();
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        if (!entry.hasResource()) {
          continue;
        }
        Bundle.SearchEntryMode mode = entry.getSearch().getMode();
        if (mode == Bundle.SearchEntryMode.INCLUDE) {
          CaseReader.Role role = reader.role(entry.getResource());
          if (role == CaseReader.Role.PERSON || role == CaseReader.Role.PROVENANCE) {
            context.add(input(entry));
          }
        } else if (mode != Bundle.SearchEntryMode.OUTCOME) {
          matches.add(entry);
        }
      }
      for (Bundle.BundleEntryComponent entry : matches) {
        one(entry, context, searchedAt);
      }
    }

    private void one(Bundle.BundleEntryComponent entry, List<Input> context, Instant searchedAt) {
      Resource resource = entry.getResource();
      String version = version(resource);
      if (cursor.saw(version) || read.containsKey(version)) {
        duplicates++;
        return;
      }
      Instant lastUpdated = resource.getMeta().hasLastUpdated() ? resource.getMeta().getLastUpdated().toInstant() : searchedAt;
      read.put(version, lastUpdated);
      if (reader.role(resource) != CaseReader.Role.EVENT) {
        return; // derived resources (plans, milestone requests) are rebuilt from the events, never read back
      }
      considered++;
      Optional<EventIdentity> identity = reader.eventIdentity(resource);
      Optional<CaseId> caseId = caseOf(resource, identity, context);
      if (caseId.isEmpty()) {
        otherCases++;
        return;
      }
      List<Input> inputs = new ArrayList<>();
      inputs.add(input(entry));
      inputs.addAll(context);
      Defaults defaults = new Defaults(recordedBy, lastUpdated, Optional.of(http.baseUrl()));
      Pending pending = new Pending(caseId.get(), version, identity, inputs, defaults);
      if (!attempt(pending)) {
        refused.add(pending);
      }
    }

    /** Records one resource on its case, or reports why not; false when the import refused it (a retry may help). */
    private boolean attempt(Pending p) {
      try {
        for (int tries = 1; ; tries++) {
          try {
            return decide(p);
          } catch (VersionConflictException e) {
            if (tries >= 3) {
              throw e; // the case keeps changing under the pull: leave it to the next one
            }
          }
        }
      } catch (InvalidFhirException e) {
        if (p.identity.map(EventIdentity::mentors).orElse(false) && "EVT-001".equals(e.ruleId()) && p.identity.isPresent()) {
          conflicts.add(new PullConflict(p.caseId, p.version, p.identity.get().root(), PullConflict.Kind.CHANGED_ON_SERVER));
          return true;
        }
        p.refusal = new PullRefusal(Optional.of(p.caseId), p.version, e.element(), e.ruleId());
        return false;
      } catch (VersionConflictException e) {
        failures.add("a case changed during the pull three times running; it is pulled again next time");
        read.remove(p.version);
        return true;
      }
    }

    private boolean decide(Pending p) {
      CaseFile file = registry.file(p.caseId);
      Optional<EventIdentity> identity = p.identity;
      if (identity.isPresent() && file.event(identity.get().root()).isPresent()) {
        EventId root = identity.get().root();
        List<PathwayEvent> chain = chain(file, root);
        if (identity.get().mentors()) {
          Optional<PullConflict.Kind> conflict = mentorsConflict(file, chain, p);
          if (conflict.isPresent()) {
            conflicts.add(new PullConflict(p.caseId, p.version, root, conflict.get()));
            return true;
          }
        } else if (chain.stream().anyMatch(e -> content(e).recordedBy().origin().isEmpty()) && !knownVersion(chain, p.version)) {
          // A new version of a third party's fact that was corrected or voided here: neither side wins by itself.
          conflicts.add(new PullConflict(p.caseId, p.version, root, PullConflict.Kind.CHANGED_ON_BOTH_SIDES));
          return true;
        }
      }
      ImportedCase result = importer.importInto(registry, p.caseId, p.inputs, p.defaults);
      if (result.newEvents().isEmpty()) {
        unchanged++;
      } else {
        imported.add(new PulledFact(p.caseId, p.version, !identity.map(EventIdentity::mentors).orElse(false),
            result.newEvents().stream().map(PathwayEvent::id).collect(ImmutableList.toImmutableList())));
      }
      return true;
    }

    /**
     * A conflict on a Mentor resource whose fact the case has: the server's content in force differs from the case's
     * event of the same id (changed on the server), or the server holds a correction or void the case lacks while
     * the case was corrected or voided too (changed on both sides). Reads the resource into the case as it would be
     * without that fact, so the server's events can be compared with the case's one by one.
     */
    private Optional<PullConflict.Kind> mentorsConflict(CaseFile file, List<PathwayEvent> chain, Pending p) {
      Set<EventId> chainIds = new HashSet<>();
      chain.forEach(e -> chainIds.add(e.id()));
      CaseFile without;
      try {
        without = CaseFile.replay(file.caseId(), file.history().stream().filter(e -> !chainIds.contains(e.id())).toList());
      } catch (MentorException | IllegalArgumentException e) {
        return Optional.empty(); // other facts depend on it (the enrolment, a delivery): the import itself compares
      }
      List<PathwayEvent> server = importer.importCase(without, p.inputs, p.defaults).newEvents();
      EventId inForce = p.identity.orElseThrow().inForce().orElse(p.identity.get().root());
      Optional<PathwayEvent> serverContent = server.stream().filter(e -> e.id().equals(inForce)).map(FhirPull::content).findFirst();
      Optional<PathwayEvent> local = file.event(inForce).map(FhirPull::content);
      if (local.isPresent()) {
        if (serverContent.isPresent() && !serverContent.get().equals(local.get())) {
          return Optional.of(PullConflict.Kind.CHANGED_ON_SERVER);
        }
        return Optional.empty(); // the same content; a void the case lacks is imported
      }
      // The server holds a correction the case lacks: a conflict if the case was corrected since its root too.
      boolean changedHere = chain.stream().anyMatch(e -> e instanceof Corrected || e instanceof Voided);
      return changedHere ? Optional.of(PullConflict.Kind.CHANGED_ON_BOTH_SIDES) : Optional.empty();
    }

    private void retryRefused() {
      if (refused.isEmpty() || imported.isEmpty()) {
        return;
      }
      // Once more, after everything else: a resource may need one read later in the pull (an infant's delivery).
      List<Pending> again = new ArrayList<>(refused);
      refused.clear();
      for (Pending p : again) {
        if (!attempt(p)) {
          refused.add(p);
        }
      }
    }

    /** The case a resource belongs to: its Mentor identifier's, or that of the mother or infant it names. */
    private Optional<CaseId> caseOf(Resource resource, Optional<EventIdentity> identity, List<Input> context) {
      if (identity.map(EventIdentity::mentors).orElse(false)) {
        return reader.caseOf(resource).filter(cases::contains);
      }
      Map<String, Patient> patients = new HashMap<>();
      for (Input input : context) {
        if (input.resource() instanceof Patient patient) {
          input.urls().forEach(url -> patients.put(relative(url), patient));
        }
      }
      for (Reference reference : mapping.fhirContext().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
        List<Identifier> identifiers = new ArrayList<>();
        if (reference.hasIdentifier()) {
          identifiers.add(reference.getIdentifier());
        }
        Patient patient = reference.hasReference() ? patients.get(relative(reference.getReference())) : null;
        if (patient != null) {
          identifiers.addAll(patient.getIdentifier());
        }
        for (Identifier id : identifiers) {
          List<CaseId> found = casesBySubject.get(token(id.getSystem(), id.getValue()));
          if (found != null && !found.isEmpty()) {
            return Optional.of(choose(found, identity));
          }
        }
      }
      return Optional.empty();
    }

    /** Of a mother's cases, the one that has the fact already, else the latest enrolled (her care now). */
    private CaseId choose(List<CaseId> found, Optional<EventIdentity> identity) {
      if (identity.isPresent()) {
        for (CaseId id : found) {
          try {
            if (registry.file(id).event(identity.get().root()).isPresent()) {
              return id;
            }
          } catch (UnknownCaseException e) {
            // gone meanwhile
          }
        }
      }
      CaseId latest = found.get(0);
      for (CaseId id : found) {
        Instant at = registry.file(id).facts().enrolment().map(Enrolled::recordedAt).orElse(Instant.MIN);
        Instant best = registry.file(latest).facts().enrolment().map(Enrolled::recordedAt).orElse(Instant.MIN);
        if (at.isAfter(best)) {
          latest = id;
        }
      }
      return latest;
    }
  }

  /** A resource on its way to a case, kept for one more try when the import refused it. */
  private static final class Pending {
    final CaseId caseId;
    final String version;
    final Optional<EventIdentity> identity;
    final List<Input> inputs;
    final Defaults defaults;
    @Nullable PullRefusal refusal;

    Pending(CaseId caseId, String version, Optional<EventIdentity> identity, List<Input> inputs, Defaults defaults) {
      this.caseId = caseId;
      this.version = version;
      this.identity = identity;
      this.inputs = inputs;
      this.defaults = defaults;
    }
  }

  /** The events of one correction chain: its root, the corrections and the voids that target it. */
  static List<PathwayEvent> chain(CaseFile file, EventId root) {
    List<PathwayEvent> out = new ArrayList<>();
    for (PathwayEvent event : file.history()) {
      EventId target = event instanceof Corrected c ? c.corrects() : event instanceof Voided v ? v.voids() : event.id();
      if (file.event(target).isPresent() && file.rootOf(target).equals(root)) {
        out.add(event);
      }
    }
    return out;
  }

  private static PathwayEvent content(PathwayEvent event) {
    return event instanceof Corrected c ? c.replacement() : event;
  }

  private static boolean knownVersion(List<PathwayEvent> chain, String version) {
    String number = version.contains("/_history/") ? version.substring(version.lastIndexOf('/') + 1) : "";
    return chain.stream().map(e -> content(e).recordedBy().origin().flatMap(Origin::version)).anyMatch(v -> v.isPresent() && v.get().equals(number));
  }

  /** The search parameter that names a resource's patient: {@code patient} where the type has one, else {@code subject}. */
  private Optional<String> subjectParameter(String type) {
    RuntimeResourceDefinition definition = mapping.fhirContext().getResourceDefinition(type);
    for (String name : List.of("patient", "subject")) {
      RuntimeSearchParam param = definition.getSearchParam(name);
      if (param != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private Input input(Bundle.BundleEntryComponent entry) {
    Resource resource = entry.getResource();
    List<String> urls = new ArrayList<>();
    if (entry.hasFullUrl()) {
      urls.add(entry.getFullUrl());
    }
    if (resource.getIdElement().getIdPart() != null) {
      urls.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return new Input(resource, version(resource), urls);
  }

  /** {@code Type/id/_history/version} (or {@code Type/id} when the server keeps no versions). */
  static String version(Resource resource) {
    String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    String v = resource.getMeta().getVersionId();
    return v == null || v.isBlank() ? id : id + "/_history/" + v;
  }

  /** {@code Type/id} of a literal reference, absolute or relative, without a version. */
  private static String relative(String reference) {
    String plain = reference.contains("/_history/") ? reference.substring(0, reference.indexOf("/_history/")) : reference;
    int last = plain.lastIndexOf('/');
    int before = last <= 0 ? -1 : plain.lastIndexOf('/', last - 1);
    return before >= 0 ? plain.substring(before + 1) : plain;
  }

  private static String token(String system, String value) {
    return escape(system) + "|" + escape(value);
  }

  /** FHIR search escaping (search.html#escaping): {@code \}, {@code ,}, {@code $} and {@code |} in a value. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("$", "\\$").replace("|", "\\|");
  }

  private static Map.Entry<String, String> param(String name, String value) {
    return new SimpleEntry<>(name, value);
  }

  /**
   * Configures a {@link FhirPull}: what to pull and how, and (from {@link FhirClientBuilder}) the server's HTTP
   * settings, retries and redaction.
   */
  public static final class Builder extends FhirClientBuilder<Builder> {
    private final CaseRegistry registry;
    private final FhirMapping mapping;
    private int pageSize = 100;
    private int subjectsPerSearch = 50;
    private Duration overlap = Duration.ofMinutes(2);
    private RecordedBy recordedBy = new RecordedBy("fhir-pull", "fhir-server", "fhir-server");

    private Builder(CaseRegistry registry, FhirMapping mapping, @Nullable String serverBase, @Nullable FhirHttp http) {
      super(serverBase, http, "pull");
      this.registry = requireNonNull(registry, "registry");
      this.mapping = requireNonNull(mapping, "mapping");
    }

    /** Results per page ({@code _count}, default 100). */
    public Builder pageSize(int size) {
      checkArgument(size >= 1 && size <= 1000, "pageSize must be between 1 and 1000");
      this.pageSize = size;
      return this;
    }

    /** Mothers and infants per search of other systems' resources (default 50). */
    public Builder subjectsPerSearch(int subjects) {
      checkArgument(subjects >= 1, "subjectsPerSearch must be at least 1");
      this.subjectsPerSearch = subjects;
      return this;
    }

    /**
     * How far before the cursor each search reaches back (default 2 minutes): a write that the server stamped before
     * the last pull began but committed after its search ran is read by the next pull; versions read twice are
     * skipped by id and version.
     */
    public Builder overlap(Duration overlap) {
      checkArgument(!overlap.isNegative(), "overlap must not be negative");
      this.overlap = overlap;
      return this;
    }

    /** Who recorded a third party's fact, as the events say (default {@code fhir-pull / fhir-server / fhir-server}). */
    public Builder recordedBy(RecordedBy recordedBy) {
      checkArgument(recordedBy.origin().isEmpty(), "recordedBy has no origin of its own (each fact gets its resource's)");
      this.recordedBy = recordedBy;
      return this;
    }

    /** Builds the pull; it owns (and closes) its HTTP client unless it was built over a shared one. */
    public FhirPull build() {
      return new FhirPull(this, connect());
    }
  }
}
