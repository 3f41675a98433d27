package org.mentor.fhir.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.push.RetryPolicy;

/**
 * The settings the library's FHIR clients share (the push, the pull and the reconcile): the server and its HTTP client,
 * either one of their own or a {@link FhirHttp} the application shares; for their own, the token source and the
 * timeouts; the retries; and whether failures leave out the server's diagnostics. Each client's builder extends it, so
 * these are set the same way, with the same defaults and checks, for all of them.
 *
 * <p>A client built over a shared {@link FhirHttp} takes its base URL, pool, timeouts and token source from it: setting
 * {@link #auth}, {@link #connectTimeout} or {@link #socketTimeout} then fails ({@code IllegalStateException}) rather
 * than being ignored.
 *
 * <p>Not thread-safe, like any builder: configure it on one thread, then build.
 *
 * @param <B> the client's builder, which each setting returns
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class FhirClientBuilder<B extends FhirClientBuilder<B>> {
  private final @Nullable FhirHttp shared;
  /** The settings of the client's own FhirHttp (FhirHttp's defaults and checks), when it has one. */
  private final FhirHttp.@Nullable Builder own;
  private final String client;
  private RetryPolicy retry = RetryPolicy.defaults();
  private boolean redact = true;

  /**
   * Settings for a client of one server: over an HTTP client of its own for a base URL, or over one the application
   * shares (and closes).
   *
   * @param serverBase the server's base URL, an http(s) URL, for an HTTP client of its own; else null
   * @param shared the HTTP client the application shares; else null
   * @param client what the client is ("push", "pull"...), for messages
   * @throws IllegalArgumentException unless exactly one of {@code serverBase} and {@code shared} is given
   */
  protected FhirClientBuilder(@Nullable String serverBase, @Nullable FhirHttp shared, String client) {
    checkArgument(serverBase == null || shared == null, "either a server base URL or a shared FhirHttp");
    this.shared = shared;
    this.own = shared == null ? FhirHttp.builder(requireNonNull(serverBase, "serverBase")) : null;
    this.client = requireNonNull(client, "client");
  }

  @SuppressWarnings("unchecked") // B is the subclass itself, as its declaration says
  private B self() {
    return (B) this;
  }

  private FhirHttp.Builder ownHttpOnly(String setting) {
    checkState(own != null, "%s belongs to the shared FhirHttp this %s was built over", setting, client);
    return own;
  }

  /**
   * Sends {@code Authorization: Bearer <token>} from this source with every request (default: none): a fixed token
   * ({@link BearerTokenSource#of}), OAuth2 client credentials or SMART Backend Services (org.mentor.fhir.auth). A
   * request the server answers with 401 is sent once more with a renewed token.
   *
   * @param auth the token source, not null
   * @return this builder
   */
  public B auth(BearerTokenSource auth) {
    ownHttpOnly("auth").auth(auth);
    return self();
  }

  /**
   * Sends {@code Authorization: Bearer <token>} with every request: a fixed token, from the application's secret store.
   *
   * @param token the token, not blank
   * @return this builder
   */
  public B bearerToken(String token) {
    return auth(BearerTokenSource.of(token));
  }

  /**
   * How long to wait for a connection (default 10 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    ownHttpOnly("connectTimeout").connectTimeout(timeout);
    return self();
  }

  /**
   * How long to wait for the server's answer (default 60 s: a national server validating a large case is slow).
   *
   * @param timeout positive
   * @return this builder
   */
  public B socketTimeout(Duration timeout) {
    ownHttpOnly("socketTimeout").socketTimeout(timeout);
    return self();
  }

  /**
   * Retries of requests that fail transiently (default {@link RetryPolicy#defaults()}).
   *
   * @param retry the policy, not null
   * @return this builder
   */
  public B retry(RetryPolicy retry) {
    this.retry = requireNonNull(retry, "retry");
    return self();
  }

  /**
   * Whether failures leave out the server's diagnostics, which may quote patient data (default on).
   *
   * @param redact whether to leave them out
   * @return this builder
   */
  public B redact(boolean redact) {
    this.redact = redact;
    return self();
  }

  /**
   * The connection to build the client over: the shared HTTP client, or a new one with these settings and
   * {@link FhirHttp}'s default pool size, which the client owns and closes with the connection.
   *
   * @return the connection, with the retries and redaction set
   */
  protected final FhirConnection connect() {
    return own == null ? new FhirConnection(requireNonNull(shared), false, retry, redact) : new FhirConnection(own.build(), true, retry, redact);
  }

  /**
   * The connection to build the client over: the shared HTTP client, or a new one with these settings, which the
   * client owns and closes with the connection.
   *
   * @param maxConnections the most connections a new HTTP client opens at once, at least 1
   * @return the connection, with the retries and redaction set
   */
  protected final FhirConnection connect(int maxConnections) {
    if (own != null) {
      own.maxConnections(maxConnections);
    }
    return connect();
  }
}
