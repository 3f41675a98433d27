package org.mentor.fhir.testserver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to a {@link FhirTestServer} shared by every test in the JVM that asks for the same
 * {@link ServerSettings}: started when a test first asks for it, closed when the JVM's tests are done (it lives in
 * the root {@link ExtensionContext.Store}). Tests share its database, so each test isolates its data by its own
 * identifiers, e.g. an identifier system {@code "urn:uuid:" + UUID.randomUUID()} per test; never assert counts over
 * the whole server.
 *
 * <p>Injects test, lifecycle and constructor parameters of type {@link FhirTestServer}, and {@code String} parameters
 * annotated {@link FhirBaseUrl}:
 *
 * <pre>{@code
 * @ExtendWith(FhirTestServerExtension.class)           // default settings
 * class PushTest {
 *   @Test
 *   void pushes(@FhirBaseUrl String baseUrl) { ... }
 * }
 *
 * class NationalServerTest {
 *   @RegisterExtension
 *   static final FhirTestServerExtension SERVER =
 *       new FhirTestServerExtension(ServerSettings.likeNationalServer("s3cret"));
 *   @Test
 *   void pushes(FhirTestServer server) { ... }
 * }
 * }</pre>
 *
 * <p>Each distinct settings value costs one more server start (2-5 s after the first in the JVM). Do not
 * {@link FhirTestServer#stop()} or close a shared server; a test that restarts a server starts its own with
 * {@link FhirTestServer#builder()} and closes it. Register one such extension per test class (two would compete to
 * resolve the same parameters).
 *
 * <p>Thread-safe: the shared servers live in JUnit's root store, started once per settings value.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirTestServerExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(FhirTestServerExtension.class);

  private final ServerSettings settings;

  /** Shares the server with {@link ServerSettings#defaults()}. */
  public FhirTestServerExtension() {
    this(ServerSettings.defaults());
  }

  /**
   * Shares the server with these settings.
   *
   * @param settings what the server switches on, not null
   */
  public FhirTestServerExtension(ServerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FhirTestServer.class || (type == String.class && parameter.isAnnotated(FhirBaseUrl.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FhirTestServer server = server(context);
    return parameter.getParameter().getType() == FhirTestServer.class ? server : server.baseUrl();
  }

  /**
   * The shared server with this extension's settings, started on first use.
   *
   * @param context any extension context of the running tests, not null
   * @return the running server, not null
   * @throws IllegalStateException if the server could not start (and again on every later call in this JVM)
   */
  public FhirTestServer server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(settings, s -> new Shared(FhirTestServer.start(settings)), Shared.class)
        .server();
  }

  /** Closes the server when the root store closes, after the JVM's last test. */
  private record Shared(FhirTestServer server) implements CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
