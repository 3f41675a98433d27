package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
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
import org.mentor.fhir.auth.FhirAuth;
import org.mentor.fhir.auth.TokenException;
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
  private static final String FHIR_JSON = "application/fhir+json";

  private final CaseRegistry registry;
  private final CaseBundles bundles;
  private final CloseableHttpClient http;
  private final String transactionUrl;
  private final @Nullable FhirAuth auth;
  private final FhirContext fhir;
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
    this.http = httpClient(b);
    this.transactionUrl = b.serverBase.endsWith("/") ? b.serverBase.substring(0, b.serverBase.length() - 1) : b.serverBase;
    this.auth = b.auth;
    this.fhir = b.mapping.fhirContext();
  }

  /**
   * The HTTP client: its own pool sized to the concurrency, its own timeouts, and no automatic retries (the push
   * retries itself, knowing what is idempotent). HAPI's generic client is not used: it takes every request's HTTP
   * settings from the FhirContext's global client factory (HAPI 8.8.0, BaseHttpClientInvocation), which belongs to
   * the application.
   */
  private static CloseableHttpClient httpClient(Builder b) {
    int connect = Math.toIntExact(b.connectTimeout.toMillis());
    int socket = Math.toIntExact(b.socketTimeout.toMillis());
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(b.concurrency);
    pool.setDefaultMaxPerRoute(b.concurrency);
    pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socket).build());
    return HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect).setSocketTimeout(socket)
            .setConnectionRequestTimeout(socket).build())
        .build();
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
      Failure failure = send(plan);
      if (failure == null) {
        journal.confirm(id, plan.record());
        return new Pushed(plan.resources(), attempts - 1);
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

  /** Posts the transaction; null when the server confirmed it, else why not. */
  private @Nullable Failure send(CaseBundles.Plan plan) {
    int status = 0;
    String body = "";
    for (int authAttempt = 1; authAttempt <= 2; authAttempt++) {
      HttpPost post = new HttpPost(transactionUrl);
      post.setHeader("Accept", FHIR_JSON);
      String authorization = null;
      if (auth != null) {
        try {
          authorization = auth.authorization();
        } catch (TokenException e) {
          return new Failure(e.isTransient() ? CaseFailure.Kind.TRANSIENT : CaseFailure.Kind.UNAUTHORIZED, e.httpStatus(), e.getMessage(), false);
        }
        post.setHeader("Authorization", authorization);
      }
      post.setEntity(new ByteArrayEntity(plan.json().getBytes(StandardCharsets.UTF_8), ContentType.create(FHIR_JSON, StandardCharsets.UTF_8)));
      try (CloseableHttpResponse response = http.execute(post)) {
        status = response.getStatusLine().getStatusCode();
        if (status == 401 && authorization != null && authAttempt == 1) {
          // Not read: closing the answer unread drops its connection, which the server may close (it refused the
          // request before reading its body), so the retry does not meet a dead pooled connection.
          body = "";
        } else {
          body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        // Refused, cut, timed out: the request may or may not have been applied. Every write is idempotent: retry.
        return new Failure(CaseFailure.Kind.TRANSIENT, 0, "no answer (" + e.getClass().getSimpleName() + ")", false);
      }
      // A 401 wrote nothing: once, with a fresh token (an expired or revoked one), then it is final.
      if (status != 401 || authorization == null || authAttempt == 2 || !auth.refused(authorization)) {
        break;
      }
    }
    if (status >= 200 && status < 300) {
      try {
        Bundle answer = fhir.newJsonParser().parseResource(Bundle.class, body);
        if (answer.getType() == Bundle.BundleType.TRANSACTIONRESPONSE && answer.getEntry().size() == plan.resources()) {
          return null;
        }
      } catch (RuntimeException e) {
        // falls through: an answer we cannot read confirms nothing
      }
      return new Failure(CaseFailure.Kind.TRANSIENT, status, "unreadable answer", false);
    }
    return classify(status, outcome(body), plan);
  }

  private @Nullable IBaseOperationOutcome outcome(String body) {
    try {
      return fhir.newJsonParser().parseResource(OperationOutcome.class, body);
    } catch (RuntimeException e) {
      return null; // not FHIR JSON (a proxy's error page)
    }
  }

  private Failure classify(int status, @Nullable IBaseOperationOutcome outcome, CaseBundles.Plan plan) {
    String detail = Outcomes.describe(outcome, redact);
    if (status == 401 || status == 403) {
      return new Failure(CaseFailure.Kind.UNAUTHORIZED, status, detail, false);
    }
    if (status == 409 || status == 412) {
      // HAPI answers 409 both for version conflicts and for referential integrity on delete (Mentor never deletes).
      // A conflict on a resource another system owns is theirs to resolve; on Mentor's own, re-read and retry.
      boolean shared = plan.writesShared() && Outcomes.diagnostics(outcome).contains("Patient");
      return new Failure(CaseFailure.Kind.CONFLICT, status, detail, shared);
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
    private @Nullable FhirAuth auth;
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

    /** Sends {@code Authorization: Bearer <token>} with every request (a fixed token: a 401 is final). */
    public Builder bearerToken(String token) {
      requireNonNull(token, "token");
      checkArgument(!token.isBlank(), "the bearer token is blank");
      this.auth = FhirAuth.bearerToken(token);
      return this;
    }

    /**
     * Authorizes every request with this auth (OAuth2 client credentials, SMART Backend Services, a fixed token): a
     * 401 is retried once with a fresh token; a token the endpoint refuses stops the push as a 401 does.
     */
    public Builder auth(FhirAuth auth) {
      this.auth = requireNonNull(auth, "auth");
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
