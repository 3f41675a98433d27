package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a registry's cases to a FHIR R4 server: each case whose content changed since the server last confirmed it
 * (its events changed, or its projection as of today did: a milestone went late) goes as one transaction Bundle; a
 * case the server already holds sends nothing.
 *
 * <pre>{@code
 * FhirPush push = FhirPush.builder(registry, mapping, "https://fhir.example.gov/fhir")
 *     .bearerToken(token).journal(FilePushJournal.open(path)).build();
 * PushReport report = push.push();          // run again after any failure: it resumes
 * }</pre>
 *
 * <p>Guarantees (docs/fhir-sync.md): every write is idempotent (conditional update on business identifiers, or PUT
 * with deterministic ids), so a push interrupted anywhere is resumed by pushing again, and the server ends holding
 * exactly each case's current content, once. Transient failures are retried with exponential backoff and jitter;
 * a refused case is reported (naming it, with the server's redacted OperationOutcome) and the others go on; refused
 * credentials stop the push with nothing written.
 *
 * <p>Thread-safe, but run one push at a time per journal. Logs counts and durations only.
 */
public final class FhirPush {
  private static final Logger LOG = LoggerFactory.getLogger(FhirPush.class);

  private final CaseRegistry registry;
  private final CaseBundles bundles;
  private final IGenericClient client;
  private final PushJournal journal;
  private final RetryPolicy retry;
  private final int concurrency;
  private final PushListener listener;
  private final boolean redact;

  private FhirPush(Builder b) {
    this.registry = b.registry;
    this.bundles = new CaseBundles(b.mapping, b.mode);
    this.journal = b.journal == null ? new InMemoryPushJournal() : b.journal;
    this.retry = b.retry;
    this.concurrency = b.concurrency;
    this.listener = b.listener;
    this.redact = b.redact;
    ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(b.mapping.fhirContext());
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout(Math.toIntExact(b.connectTimeout.toMillis()));
    factory.setSocketTimeout(Math.toIntExact(b.socketTimeout.toMillis()));
    factory.setPoolMaxPerRoute(concurrency);
    factory.setPoolMaxTotal(concurrency);
    this.client = factory.newGenericClient(b.serverBase);
    if (b.bearerToken != null) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(b.bearerToken));
    }
  }

  /**
   * A builder.
   *
   * @param registry the cases, not null
   * @param mapping the mapping (its FhirContext is used for the client), not null
   * @param serverBase the server's base URL, such as {@code https://fhir.example.gov/fhir}, not null
   * @return the builder
   */
  public static Builder builder(CaseRegistry registry, FhirMapping mapping, String serverBase) {
    return new Builder(registry, mapping, serverBase);
  }

  /** The journal this push records in. */
  public PushJournal journal() {
    return journal;
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
    AtomicBoolean unauthorized = new AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    Tally tally = new Tally();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, ids.size())), r -> {
      Thread t = new Thread(r, "mentor-fhir-push");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CaseId id : ids) {
        futures.add(pool.submit(() -> {
          tally.add(unauthorized.get() ? notAttempted(id) : pushCase(id, unauthorized));
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
    PushReport report = tally.report(ids.size(), took);
    LOG.info("FHIR push: {} cases considered, {} pushed ({} resources), {} unchanged, {} failed, {} held back by shared conflicts, "
        + "{} retries, in {} ms", report.considered(), report.pushed(), report.resources(), report.unchanged(),
        report.failures().size(), report.conflicts().size(), report.retries(), took.toMillis());
    if (report.unauthorized()) {
      LOG.warn("FHIR push stopped: the server refused the credentials (HTTP 401/403); nothing was written");
    }
    return report;
  }

  private sealed interface Result permits Pushed, Unchanged, Failed, Held {}

  private record Pushed(int resources, int retries) implements Result {}

  private record Unchanged() implements Result {}

  private record Failed(CaseFailure failure, int retries) implements Result {}

  private record Held(SharedConflict conflict, int retries) implements Result {}

  private static Result notAttempted(CaseId id) {
    return new Failed(new CaseFailure(id, CaseFailure.Kind.UNAUTHORIZED, 0, 0, "not attempted: the server refused the credentials"), 0);
  }

  private Result pushCase(CaseId id, AtomicBoolean unauthorized) {
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
      if (unconfirmed.isEmpty() && confirmed.isPresent() && confirmed.get().contentHash().equals(plan.record().contentHash())) {
        journal.confirm(id, plan.record()); // a new day, the same content: remember the day, send nothing
        return new Unchanged();
      }
      journal.sending(id, plan.record());
      attempts++;
      Failure failure;
      try {
        client.transaction().withBundle(plan.bundle()).execute();
        journal.confirm(id, plan.record());
        return new Pushed(plan.resources(), attempts - 1);
      } catch (BaseServerResponseException e) {
        failure = classify(e, plan);
      } catch (RuntimeException e) {
        // An answer HAPI could not read (cut short, not FHIR): the request may have been applied. Idempotent: retry.
        failure = new Failure(CaseFailure.Kind.TRANSIENT, 0, "unreadable answer (" + e.getClass().getSimpleName() + ")", false);
      }
      if (failure.shared()) {
        return new Held(new SharedConflict(id, failure.status(), failure.detail()), attempts - 1);
      }
      boolean retryable = failure.kind() == CaseFailure.Kind.TRANSIENT || failure.kind() == CaseFailure.Kind.CONFLICT;
      if (failure.kind() == CaseFailure.Kind.UNAUTHORIZED) {
        unauthorized.set(true);
      }
      if (!retryable || attempts >= retry.maxAttempts()) {
        return new Failed(new CaseFailure(id, failure.kind(), failure.status(), attempts, failure.detail()), attempts - 1);
      }
      try {
        Thread.sleep(retry.backoff(attempts).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Failed(new CaseFailure(id, failure.kind(), failure.status(), attempts, "interrupted while backing off"), attempts - 1);
      }
    }
  }

  private record Failure(CaseFailure.Kind kind, int status, String detail, boolean shared) {}

  private Failure classify(BaseServerResponseException e, CaseBundles.Plan plan) {
    int status = e.getStatusCode();
    if (e instanceof FhirClientConnectionException || status <= 0) {
      return new Failure(CaseFailure.Kind.TRANSIENT, 0, "no answer (" + causeName(e) + ")", false);
    }
    String detail = Outcomes.describe(e.getOperationOutcome(), redact);
    if (status == 401 || status == 403) {
      return new Failure(CaseFailure.Kind.UNAUTHORIZED, status, detail, false);
    }
    if (status == 409 || status == 412) {
      // HAPI answers 409 both for version conflicts and for referential integrity on delete (Mentor never deletes).
      // A conflict on a resource another system owns is theirs to resolve; on Mentor's own, re-read and retry.
      boolean shared = plan.writesShared() && Outcomes.diagnostics(e.getOperationOutcome()).contains("Patient");
      return new Failure(CaseFailure.Kind.CONFLICT, status, detail, shared);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new Failure(CaseFailure.Kind.TRANSIENT, status, detail, false);
    }
    return new Failure(CaseFailure.Kind.REFUSED, status, detail, false);
  }

  private static String causeName(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
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
    private int retries;
    private final List<CaseFailure> failures = new ArrayList<>();
    private final List<SharedConflict> conflicts = new ArrayList<>();

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

    synchronized PushReport report(int considered, Duration took) {
      return new PushReport(considered, pushed, unchanged, resources, retries, ImmutableList.copyOf(failures),
          ImmutableList.copyOf(conflicts), took);
    }
  }

  /** Configures a {@link FhirPush}. */
  public static final class Builder {
    private final CaseRegistry registry;
    private final FhirMapping mapping;
    private final String serverBase;
    private @Nullable PushJournal journal;
    private PushMode mode = PushMode.CONDITIONAL_UPDATE;
    private @Nullable String bearerToken;
    private RetryPolicy retry = RetryPolicy.defaults();
    private int concurrency = 2;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private PushListener listener = PushListener.NONE;
    private boolean redact = true;

    private Builder(CaseRegistry registry, FhirMapping mapping, String serverBase) {
      this.registry = requireNonNull(registry, "registry");
      this.mapping = requireNonNull(mapping, "mapping");
      this.serverBase = requireNonNull(serverBase, "serverBase");
      checkArgument(serverBase.startsWith("http://") || serverBase.startsWith("https://"), "serverBase must be an http(s) URL");
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

    /** Sends {@code Authorization: Bearer <token>} with every request. */
    public Builder bearerToken(String token) {
      requireNonNull(token, "token");
      checkArgument(!token.isBlank(), "the bearer token is blank");
      this.bearerToken = token;
      return this;
    }

    /** Retries (default {@link RetryPolicy#defaults()}). */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** How many cases are in flight at once (default 2). */
    public Builder concurrency(int concurrency) {
      checkArgument(concurrency >= 1, "concurrency must be at least 1");
      this.concurrency = concurrency;
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "connectTimeout must be positive");
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for the server's answer (default 60 s: a national server validating a large case is slow). */
    public Builder socketTimeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "socketTimeout must be positive");
      this.socketTimeout = timeout;
      return this;
    }

    /** Progress, one call per case done. */
    public Builder listener(PushListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Whether failures leave out the server's diagnostics, which may quote patient data (default on). */
    public Builder redact(boolean redact) {
      this.redact = redact;
      return this;
    }

    public FhirPush build() {
      return new FhirPush(this);
    }
  }
}
