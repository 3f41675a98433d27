package org.mentor.fhir.testserver;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A real HAPI FHIR JPA R4 server in this JVM: HAPI's JPA storage engine (the one national HAPI deployments run) over
 * an in-memory H2 database, served by Jetty on {@code 127.0.0.1} at a free port. For tests (see
 * {@link FhirTestServerExtension} for one shared server per test JVM), the demo and the benchmarks; never for
 * patient data.
 *
 * <pre>{@code
 * try (FhirTestServer server = FhirTestServer.builder().bearerToken("s3cret").start()) {
 *   IGenericClient client = FhirContext.forR4Cached().newRestfulGenericClient(server.baseUrl());
 *   client.registerInterceptor(new BearerTokenAuthInterceptor("s3cret"));
 *   // ... push; then to simulate an outage: server.stop(); ... server.start();
 * }
 * }</pre>
 *
 * <p>{@link #stop()} closes the port and keeps the data; {@link #start()} serves the same data on the same port again
 * (the database and the JPA engine stay up: only the HTTP side stops). {@link #close()} ends the server for good and
 * frees its database. Starting takes seconds (on two busy cores the first server in a JVM 11-35 s, a further one
 * 3-7 s; see the module's README), so share one where you can.
 *
 * <p>Thread-safe: clients may call the server from any number of threads while one thread stops and starts it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirTestServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FhirTestServer.class);

  private final ServerSettings settings;
  private final H2Database database;
  private final AnnotationConfigApplicationContext spring;
  private final int port;
  private final List<Object> interceptors = new ArrayList<>();
  private @Nullable HttpEndpoint endpoint;
  private boolean closed;

  private FhirTestServer(
      ServerSettings settings, H2Database database, AnnotationConfigApplicationContext spring, HttpEndpoint endpoint) {
    this.settings = settings;
    this.database = database;
    this.spring = spring;
    this.endpoint = endpoint;
    this.port = endpoint.port();
  }

  /**
   * A builder starting from {@link ServerSettings#defaults()}.
   *
   * @return a new builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a server with its own empty database, on a free port.
   *
   * @param settings what the server switches on, not null
   * @return the running server, not null; close it
   * @throws IllegalStateException if the server cannot start (the cause says why)
   */
  public static FhirTestServer start(ServerSettings settings) {
    requireNonNull(settings, "settings");
    long started = System.nanoTime();
    H2Database database = H2Database.unique();
    AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
    try {
      spring.registerBean(ServerSettings.class, () -> settings);
      spring.registerBean(H2Database.class, () -> database);
      spring.register(JpaServerConfig.class);
      spring.refresh();
      HttpEndpoint.warmUp(spring, settings);
      HttpEndpoint endpoint = HttpEndpoint.start(spring, settings, 0, List.of());
      FhirTestServer server = new FhirTestServer(settings, database, spring, endpoint);
      log.info("FHIR test server started on port {} in {} ms ({})",
          server.port, (System.nanoTime() - started) / 1_000_000, settings);
      return server;
    } catch (Exception | LinkageError e) {
      spring.close();
      dropQuietly(database);
      throw new IllegalStateException("The FHIR test server did not start", e);
    }
  }

  /**
   * The FHIR base URL, {@code http://127.0.0.1:<port>/fhir}; the same after {@link #stop()} and {@link #start()}.
   *
   * @return the base URL, not null
   */
  public String baseUrl() {
    return "http://" + HttpEndpoint.HOST + ":" + port + HttpEndpoint.FHIR_PATH;
  }

  /**
   * The port, chosen free at the first start and kept for restarts.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * What this server switches on.
   *
   * @return the settings, not null
   */
  public ServerSettings settings() {
    return settings;
  }

  /**
   * Whether the port is open.
   *
   * @return {@code true} between a start and the next {@link #stop()} or {@link #close()}
   */
  public synchronized boolean isRunning() {
    return endpoint != null;
  }

  /**
   * Takes the server down as a crash would look to its clients: the port closes and every open connection drops at
   * once, so a request in flight gets no answer. The server still finishes such a request (its writes are committed,
   * or rolled back if it fails), and this method returns only then (at most 5 s, after which the request is
   * interrupted): from the return on, the data no longer changes. {@link #start()} serves it again. Does nothing if
   * stopped already.
   *
   * <p>Call it from a test thread, not from a server interceptor: a request thread would wait for itself. To stop the
   * server in the middle of a request, block that request in an interceptor, call this method from another thread,
   * and release the request once its client has lost the connection (see {@code FhirTestServerLifecycleTest}).
   *
   * @throws IllegalStateException if the server is closed, if called from one of the server's request threads, or if
   *     Jetty fails to stop
   */
  public synchronized void stop() {
    checkState(!closed, "the FHIR test server is closed");
    checkState(!Thread.currentThread().getName().startsWith(HttpEndpoint.THREAD_NAME),
        "stop() called from a request thread of the FHIR test server, which would wait for itself");
    if (endpoint != null) {
      try {
        endpoint.stop();
      } catch (Exception e) {
        throw new IllegalStateException("The FHIR test server's HTTP side did not stop", e);
      } finally {
        endpoint = null;
      }
      log.info("FHIR test server on port {} stopped (data kept)", port);
    }
  }

  /**
   * Serves the same data on the same port again after {@link #stop()}. Does nothing if running.
   *
   * @throws IllegalStateException if the server is closed, or if the port cannot be bound (another process took it
   *     while the server was stopped)
   */
  public synchronized void start() {
    checkState(!closed, "the FHIR test server is closed");
    if (endpoint == null) {
      try {
        endpoint = HttpEndpoint.start(spring, settings, port, interceptors);
      } catch (Exception e) {
        throw new IllegalStateException("The FHIR test server could not listen on port " + port + " again", e);
      }
      log.info("FHIR test server on port {} started again", port);
    }
  }

  /**
   * Adds a HAPI server interceptor (an object with {@code @Hook} methods), e.g. one that answers some requests with
   * 503 to inject faults. It stays registered across {@link #stop()} and {@link #start()}. On a server shared through
   * {@link FhirTestServerExtension}, unregister it when the test ends: every test sees it meanwhile.
   *
   * @param interceptor the interceptor, not null
   * @throws IllegalStateException if the server is closed
   */
  public synchronized void registerInterceptor(Object interceptor) {
    requireNonNull(interceptor, "interceptor");
    checkState(!closed, "the FHIR test server is closed");
    interceptors.add(interceptor);
    if (endpoint != null) {
      endpoint.registerInterceptor(interceptor);
    }
  }

  /**
   * Removes an interceptor added by {@link #registerInterceptor(Object)}; does nothing if it is not registered.
   *
   * @param interceptor the interceptor, not null
   */
  public synchronized void unregisterInterceptor(Object interceptor) {
    requireNonNull(interceptor, "interceptor");
    if (interceptors.remove(interceptor) && endpoint != null) {
      endpoint.unregisterInterceptor(interceptor);
    }
  }

  /**
   * Closes the port (as {@link #stop()} does), shuts the JPA engine down and frees the database. Does nothing if
   * closed already.
   *
   * @throws IllegalStateException if called from one of the server's request threads, or if Jetty fails to stop (the
   *     rest is still shut down)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    checkState(!Thread.currentThread().getName().startsWith(HttpEndpoint.THREAD_NAME),
        "close() called from a request thread of the FHIR test server, which would wait for itself");
    closed = true;
    @Nullable Exception failure = null;
    if (endpoint != null) {
      try {
        endpoint.stop();
      } catch (Exception e) {
        failure = e;
      }
      endpoint = null;
    }
    spring.close();
    dropQuietly(database);
    log.info("FHIR test server on port {} closed", port);
    if (failure != null) {
      throw new IllegalStateException("The FHIR test server's HTTP side did not stop", failure);
    }
  }

  H2Database database() {
    return database;
  }

  @Override
  public String toString() {
    return "FhirTestServer[" + baseUrl() + ", " + settings + "]";
  }

  private static void dropQuietly(H2Database database) {
    try {
      database.drop();
    } catch (Exception e) {
      log.warn("Could not free the FHIR test server's in-memory database", e);
    }
  }

  /**
   * Sets the {@link ServerSettings}, each at most once, starting from {@link ServerSettings#defaults()}; then
   * {@link #start()} or {@link #settings()} (for {@link FhirTestServerExtension}). Not thread-safe.
   */
  public static final class Builder {

    private @Nullable String bearerToken;
    private @Nullable Boolean requestValidation;
    private @Nullable Boolean referentialIntegrity;
    private @Nullable Boolean clientAssignedIds;

    private Builder() {}

    /**
     * Requires {@code Authorization: Bearer <token>} on every request but {@code GET /metadata}; see
     * {@link ServerSettings#bearerToken()}.
     *
     * @param token the token that gets full access, not null
     * @return this builder
     * @throws IllegalArgumentException if the token is not an RFC 6750 {@code b64token}
     * @throws IllegalStateException if set already
     */
    public Builder bearerToken(String token) {
      requireNonNull(token, "token");
      checkState(bearerToken == null, "bearerToken is set already");
      bearerToken = ServerSettings.checkedToken(token);
      return this;
    }

    /**
     * Validates request bodies against base R4; see {@link ServerSettings#requestValidation()}. Default off.
     *
     * @param on whether to validate
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder requestValidation(boolean on) {
      checkState(requestValidation == null, "requestValidation is set already");
      requestValidation = on;
      return this;
    }

    /**
     * Checks references on write and delete; see {@link ServerSettings#referentialIntegrity()}. Default on.
     *
     * @param on whether to check
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder referentialIntegrity(boolean on) {
      checkState(referentialIntegrity == null, "referentialIntegrity is set already");
      referentialIntegrity = on;
      return this;
    }

    /**
     * Lets clients create resources with their own ids by {@code PUT}; see
     * {@link ServerSettings#clientAssignedIds()}. Default allowed.
     *
     * @param allowed whether clients may assign ids
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder clientAssignedIds(boolean allowed) {
      checkState(clientAssignedIds == null, "clientAssignedIds is set already");
      clientAssignedIds = allowed;
      return this;
    }

    /**
     * The settings made so far, defaults for the rest.
     *
     * @return the settings, not null
     */
    public ServerSettings settings() {
      ServerSettings defaults = ServerSettings.defaults();
      return new ServerSettings(
          Optional.ofNullable(bearerToken),
          requestValidation != null ? requestValidation : defaults.requestValidation(),
          referentialIntegrity != null ? referentialIntegrity : defaults.referentialIntegrity(),
          clientAssignedIds != null ? clientAssignedIds : defaults.clientAssignedIds());
    }

    /**
     * Starts a server with these settings, its own empty database, on a free port.
     *
     * @return the running server, not null; close it
     * @throws IllegalStateException if the server cannot start
     */
    public FhirTestServer start() {
      return FhirTestServer.start(settings());
    }
  }
}
