package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.context.FhirContext;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.http.FhirClientBuilder;
import org.mentor.fhir.http.FhirConnection;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a registry's cases to a FHIR R4 server: each case whose content changed since the server last confirmed it
 * (its events changed, or its projection as of today did: a milestone went late) goes as one transaction Bundle; a
 * case the server already holds sends nothing.
 *
 * <pre>{@code
 * try (FhirPush push = FhirPush.builder(registry, mapping, "https://fhir.example.gov/fhir")
 *     .bearerToken(token).journal(FilePushJournal.open(path)).build()) {
 *   PushReport report = push.push();        // run again after any failure: it resumes
 * }
 * }</pre>
 *
 * <p>Guarantees (docs/fhir-sync.md): every write is idempotent (conditional update on business identifiers, or PUT
 * with deterministic ids), so a push interrupted anywhere is resumed by pushing again, and the server ends holding
 * exactly each case's current content, once. Resources many cases share (a mentor's Practitioner and PractitionerRole)
 * are written once per push, before the first case that references them, and only when their content changed.
 * Transient failures are retried with exponential backoff and jitter; a refused case is reported (naming it, with the
 * server's redacted OperationOutcome) and the others go on; refused credentials stop the push with nothing written.
 *
 * <p>Thread-safe, but run one push at a time per journal. Logs counts and durations only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirPush implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FhirPush.class);

  private final CaseRegistry registry;
  private final CaseBundles bundles;
  private final FhirConnection connection;
  private final FhirHttp http;
  private final FhirContext fhir;
  private final PushJournal journal;
  private final RetryPolicy retry;
  private final int concurrency;
  private final PushListener listener;
  private final boolean redact;

  private FhirPush(Builder b, FhirConnection connection) {
    this.registry = b.registry;
    this.bundles = new CaseBundles(b.mapping, b.mode);
    this.journal = b.journal == null ? new InMemoryPushJournal() : b.journal;
    this.retry = connection.retry();
    this.concurrency = b.concurrency;
    this.listener = b.listener;
    this.redact = connection.redact();
    this.connection = connection;
    this.http = connection.http();
    this.fhir = b.mapping.fhirContext();
  }

  /**
   * A builder for a push with its own HTTP client (closed by {@link #close()}).
   *
   * @param registry the cases, not null
   * @param mapping the mapping (its FhirContext parses the server's answers), not null
   * @param serverBase the server's base URL, such as {@code https://fhir.example.gov/fhir}, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, String serverBase) {
    return new Builder(registry, mapping, requireNonNull(serverBase, "serverBase"), null);
  }

  /**
   * A builder for a push over an HTTP client the application shares (with a pull, say): its base URL, pool, timeouts
   * and authorization are used, and {@link #close()} leaves it open.
   *
   * @param registry the cases, not null
   * @param mapping the mapping, not null
   * @param http the HTTP client, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, FhirHttp http) {
    return new Builder(registry, mapping, null, requireNonNull(http, "http"));
  }

  /** The journal this push records in. */
  public PushJournal journal() {
    return journal;
  }

  /** Closes the HTTP client, if the push made its own. */
  @Override
  public void close() {
    connection.close();
  }

  /**
   * Pushes every case of the registry that changed.
   *
   * @return what happened
   */
  public PushReport push() {
    return push(registry.caseIds());
  }

  /**
   * Pushes those of the given cases that changed.
   *
   * @param caseIds the cases, each enrolled in the registry, not null
   * @return what happened
   */
  public PushReport push(Collection<CaseId> caseIds) {
    List<CaseId> ids = ImmutableList.copyOf(requireNonNull(caseIds, "caseIds"));
    long start = System.nanoTime();
    Run run = new Run(concurrency);
    AtomicInteger done = new AtomicInteger();
    // One worker more than requests in flight: it maps and encodes the next case while the others wait for the server.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency + 1, ids.size())), r -> {
      Thread t = new Thread(r, "mentor-fhir-push");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CaseId id : ids) {
        futures.add(pool.submit(() -> {
          run.tally.add(run.unauthorized.get() ? notAttempted(id) : pushCase(id, run));
          listener.progress(done.incrementAndGet(), ids.size());
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the push was interrupted; push again to resume", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a case's push failed unexpectedly; push again to resume", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    PushReport report = run.tally.report(ids.size(), took);
    LOG.info("FHIR push: {} cases considered, {} pushed ({} resources, {} of them shared), {} unchanged, {} failed, "
        + "{} shared write(s) failed, {} held back by conflicts on others' resources, {} retries, in {} ms", report.considered(),
        report.pushed(), report.resources(), report.sharedResources(), report.unchanged(), report.failures().size(),
        report.sharedFailures().size(), report.conflicts().size(), report.retries(), took.toMillis());
    if (report.unauthorized()) {
      LOG.warn("FHIR push stopped: the server refused the credentials (HTTP 401/403); nothing was written");
    }
    return report;
  }

  /** One push's state, shared by its worker threads. */
  private static final class Run {
    /** Requests in flight: a worker takes a permit to send, and sets {@link #unauthorized} before it gives it back. */
    final Semaphore inFlight;
    final AtomicBoolean unauthorized = new AtomicBoolean();
    final Tally tally = new Tally();
    /** The shared writes of this push, by group (a mentor's identifier): each is written once, the others wait on it. */
    final Map<String, CompletableFuture<@Nullable SharedFailure>> sharedWrites = new ConcurrentHashMap<>();

    Run(int concurrency) {
      this.inFlight = new Semaphore(concurrency, true);
    }

    /** Waits for a permit to send; false if interrupted. */
    boolean take() {
      try {
        inFlight.acquire();
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private sealed interface Result permits Pushed, Unchanged, Failed, Held {}

  private record Pushed(int resources, int retries) implements Result {}

  private record Unchanged() implements Result {}

  private record Failed(CaseFailure failure, int retries) implements Result {}

  private record Held(ForeignConflict conflict, int retries) implements Result {}

  /** What a shared write answers when the credentials were refused before it could be sent (never reported). */
  private static final SharedFailure NOT_ATTEMPTED = new SharedFailure(ImmutableList.of(), CaseFailure.Kind.UNAUTHORIZED, 0, 0,
      "not attempted: the server refused the credentials");

  private static Result notAttempted(CaseId id) {
    return new Failed(new CaseFailure(id, CaseFailure.Kind.UNAUTHORIZED, 0, 0, "not attempted: the server refused the credentials"), 0);
  }

  private Result pushCase(CaseId id, Run run) {
    int attempts = 0;
    while (true) {
      CaseFile file = registry.file(id); // read afresh on every attempt: a conflict is retried on current data
      LocalDate today = registry.today();
      Optional<PushRecord> confirmed = journal.confirmed(id);
      ImmutableList<PushRecord> unconfirmed = journal.unconfirmed(id);
      if (unconfirmed.isEmpty() && confirmed.isPresent() && confirmed.get().caseVersion() == file.version()
          && confirmed.get().asOf().equals(today)) {
        return new Unchanged(); // same events, same day: the same content, without mapping it
      }
      List<PushRecord> earlier = new ArrayList<>(unconfirmed);
      confirmed.ifPresent(r -> earlier.add(0, r));
      CaseBundles.Plan plan = bundles.plan(file, this::protocolOf, today, earlier);
      // The shared resources it references first (also for an unchanged case: a mentor's details may have changed).
      SharedFailure shared = ensureShared(id, today, plan.shared(), run);
      if (shared == NOT_ATTEMPTED) {
        return notAttempted(id);
      }
      if (shared != null) {
        return new Failed(new CaseFailure(id, shared.kind(), shared.httpStatus(), attempts,
            "not sent: shared resources it references (a mentor's Practitioner or PractitionerRole) were not written: " + shared.detail()), 0);
      }
      if (unconfirmed.isEmpty() && confirmed.isPresent() && confirmed.get().contentHash().equals(plan.record().contentHash())) {
        journal.confirm(id, plan.record()); // a new day, the same content: remember the day, send nothing
        return new Unchanged();
      }
      Failure failure;
      if (!run.take()) {
        return new Failed(new CaseFailure(id, CaseFailure.Kind.TRANSIENT, 0, attempts, "interrupted before sending"), Math.max(0, attempts - 1));
      }
      try {
        if (run.unauthorized.get()) {
          return notAttempted(id);
        }
        journal.sending(id, plan.record());
        attempts++;
        failure = send(plan.json(), plan.resources(), plan.writesPatients());
        if (failure != null && failure.kind() == CaseFailure.Kind.UNAUTHORIZED) {
          run.unauthorized.set(true); // before the permit goes back: no worker sends after a refusal
        }
      } finally {
        run.inFlight.release();
      }
      if (failure == null) {
        journal.confirm(id, plan.record());
        return new Pushed(plan.resources(), attempts - 1);
      }
      if (failure.foreign()) {
        return new Held(new ForeignConflict(id, failure.status(), failure.detail()), attempts - 1);
      }
      if (!retryable(failure) || attempts >= retry.maxAttempts()) {
        return new Failed(new CaseFailure(id, failure.kind(), failure.status(), attempts, failure.detail()), attempts - 1);
      }
      if (!backOff(attempts)) {
        return new Failed(new CaseFailure(id, failure.kind(), failure.status(), attempts, "interrupted while backing off"), attempts - 1);
      }
    }
  }

  /**
   * Makes sure the server holds the shared resources a case references, as they are now: those whose content the
   * journal has confirmed are left alone; the others are written, a group (a mentor's Practitioner and PractitionerRole)
   * at a time, once per push; cases that need a group another thread is writing wait for it.
   *
   * @return null when they are all on the server, else why not
   */
  private @Nullable SharedFailure ensureShared(CaseId id, LocalDate today, List<CaseBundles.Shared> shared, Run run) {
    Map<String, List<CaseBundles.Shared>> groups = new TreeMap<>();
    for (CaseBundles.Shared s : shared) {
      groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<CaseBundles.Shared>> group : groups.entrySet()) {
      boolean confirmed = group.getValue().stream().allMatch(s -> journal.confirmedShared(s.key()).map(s.hash()::equals).orElse(false));
      if (confirmed) {
        continue;
      }
      CompletableFuture<@Nullable SharedFailure> mine = new CompletableFuture<>();
      CompletableFuture<@Nullable SharedFailure> theirs = run.sharedWrites.putIfAbsent(group.getKey(), mine);
      SharedFailure failure;
      if (theirs == null) {
        try {
          failure = writeShared(id, today, group.getValue(), run);
        } catch (RuntimeException e) {
          mine.completeExceptionally(e);
          throw e;
        }
        mine.complete(failure);
      } else {
        failure = theirs.join(); // written (or failed) once in this push
      }
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private @Nullable SharedFailure writeShared(CaseId id, LocalDate today, List<CaseBundles.Shared> group, Run run) {
    List<Resource> resources = group.stream().map(CaseBundles.Shared::resource).toList();
    String json = bundles.planShared(resources);
    int attempts = 0;
    while (true) {
      Failure failure;
      if (!run.take()) {
        failure = new Failure(CaseFailure.Kind.TRANSIENT, 0, "interrupted before sending", false);
      } else {
        try {
          if (run.unauthorized.get()) {
            return NOT_ATTEMPTED;
          }
          attempts++;
          failure = send(json, resources.size(), false);
          if (failure != null && failure.kind() == CaseFailure.Kind.UNAUTHORIZED) {
            run.unauthorized.set(true);
          }
        } finally {
          run.inFlight.release();
        }
      }
      if (failure == null) {
        group.forEach(s -> journal.confirmShared(s.key(), s.hash()));
        run.tally.shared(resources.size(), attempts - 1, null);
        return null;
      }
      if (!retryable(failure) || attempts >= retry.maxAttempts() || !backOff(attempts)) {
        SharedFailure result = new SharedFailure(group.stream().map(CaseBundles.Shared::key).collect(ImmutableList.toImmutableList()),
            failure.kind(), failure.status(), attempts, failure.detail());
        run.tally.shared(0, Math.max(0, attempts - 1), result);
        return result;
      }
    }
  }

  private static boolean retryable(Failure failure) {
    return failure.kind() == CaseFailure.Kind.TRANSIENT || failure.kind() == CaseFailure.Kind.CONFLICT;
  }

  /** Sleeps before the next attempt; false if interrupted. */
  private boolean backOff(int failures) {
    try {
      Thread.sleep(retry.backoff(failures).toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Failure(CaseFailure.Kind kind, int status, String detail, boolean foreign) {}

  /** Posts a transaction; null when the server confirmed it, else why not. */
  private @Nullable Failure send(String json, int entries, boolean writesPatients) {
    FhirHttp.Response response;
    try {
      response = http.post("", json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Refused, cut, timed out: the request may or may not have been applied. Every write is idempotent: retry.
      return new Failure(CaseFailure.Kind.TRANSIENT, 0, "no answer (" + e.getClass().getSimpleName() + ")", false);
    }
    if (response.ok()) {
      return TransactionResponse.confirms(response.body(), entries) ? null
          : new Failure(CaseFailure.Kind.TRANSIENT, response.status(), "unreadable answer", false); // confirms nothing
    }
    return classify(response.status(), outcome(response.body()), writesPatients);
  }

  private @Nullable IBaseOperationOutcome outcome(String body) {
    try {
      return fhir.newJsonParser().parseResource(OperationOutcome.class, body);
    } catch (RuntimeException e) {
      return null; // not FHIR JSON (a proxy's error page)
    }
  }

  private Failure classify(int status, @Nullable IBaseOperationOutcome outcome, boolean writesPatients) {
    String detail = Outcomes.describe(outcome, redact);
    if (status == 401 || status == 403) {
      return new Failure(CaseFailure.Kind.UNAUTHORIZED, status, detail, false);
    }
    if (status == 409 || status == 412) {
      // HAPI answers 409 both for version conflicts and for referential integrity on delete (Mentor never deletes).
      // A conflict on a resource another system owns is theirs to resolve; on Mentor's own, re-read and retry.
      boolean foreign = writesPatients && Outcomes.diagnostics(outcome).contains("Patient");
      return new Failure(CaseFailure.Kind.CONFLICT, status, detail, foreign);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new Failure(CaseFailure.Kind.TRANSIENT, status, detail, false);
    }
    return new Failure(CaseFailure.Kind.REFUSED, status, detail, false);
  }

  private Protocol protocolOf(CaseFile file) {
    var ref = file.facts().protocol().orElseThrow(() -> new IllegalStateException("a case without a protocol"));
    return registry.protocol(ref).orElseThrow(() -> new IllegalStateException("protocol " + ref + " is not configured"));
  }

  /** Accumulates the cases' results (from the worker threads). */
  private static final class Tally {
    private int pushed;
    private int unchanged;
    private long resources;
    private int sharedResources;
    private int retries;
    private final List<CaseFailure> failures = new ArrayList<>();
    private final List<ForeignConflict> conflicts = new ArrayList<>();
    private final List<SharedFailure> sharedFailures = new ArrayList<>();

    synchronized void add(Result result) {
      if (result instanceof Pushed p) {
        pushed++;
        resources += p.resources();
        retries += p.retries();
      } else if (result instanceof Unchanged) {
        unchanged++;
      } else if (result instanceof Failed f) {
        failures.add(f.failure());
        retries += f.retries();
      } else if (result instanceof Held h) {
        conflicts.add(h.conflict());
        retries += h.retries();
      }
    }

    synchronized void shared(int written, int retried, @Nullable SharedFailure failure) {
      resources += written;
      sharedResources += written;
      retries += retried;
      if (failure != null) {
        sharedFailures.add(failure);
      }
    }

    synchronized PushReport report(int considered, Duration took) {
      return new PushReport(considered, pushed, unchanged, resources, sharedResources, retries, ImmutableList.copyOf(failures),
          ImmutableList.copyOf(conflicts), ImmutableList.copyOf(sharedFailures), took);
    }
  }

  /**
   * Configures a {@link FhirPush}: what to push and how, and (from {@link FhirClientBuilder}) the server's HTTP
   * settings, retries and redaction. A push with its own HTTP client opens as many connections as its
   * {@link #concurrency}.
   */
  public static final class Builder extends FhirClientBuilder<Builder> {
    private final CaseRegistry registry;
    private final FhirMapping mapping;
    private @Nullable PushJournal journal;
    private PushMode mode = PushMode.CONDITIONAL_UPDATE;
    private int concurrency = 2;
    private PushListener listener = PushListener.NONE;

    private Builder(CaseRegistry registry, FhirMapping mapping, @Nullable String serverBase, @Nullable FhirHttp http) {
      super(serverBase, http, "push");
      this.registry = requireNonNull(registry, "registry");
      this.mapping = requireNonNull(mapping, "mapping");
    }

    /** Where confirmed pushes are remembered (default: in memory, so a new process pushes every case once more). */
    public Builder journal(PushJournal journal) {
      this.journal = requireNonNull(journal, "journal");
      return this;
    }

    /** How resources are written (default {@link PushMode#CONDITIONAL_UPDATE}). Never change it for a server that holds data. */
    public Builder mode(PushMode mode) {
      this.mode = requireNonNull(mode, "mode");
      return this;
    }

    /**
     * How many requests are in flight at once (default 2; ask the server's operators). One case more is mapped and
     * encoded meanwhile, so the push's own work overlaps the server's.
     */
    public Builder concurrency(int concurrency) {
      checkArgument(concurrency >= 1, "concurrency must be at least 1");
      this.concurrency = concurrency;
      return this;
    }

    /** Progress, one call per case done. */
    public Builder listener(PushListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the push; it owns (and closes) its HTTP client unless it was built over a shared one. */
    public FhirPush build() {
      return new FhirPush(this, connect(concurrency));
    }
  }
}
