package org.mentor.fhir.testserver;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.RequestValidatingInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.ApplicationContext;

/**
 * The HTTP side of one run of the server: HAPI's {@link RestfulServer} over the JPA context's providers, served by
 * Jetty on {@code 127.0.0.1}. A new one is made for every {@link FhirTestServer#start()}, so a restart starts from a
 * clean servlet while the Spring context, and so the database, stays.
 */
final class HttpEndpoint {

  static final String HOST = "127.0.0.1";
  static final String FHIR_PATH = "/fhir";
  static final String THREAD_NAME = "fhir-testserver-http";

  private final Server jetty;
  private final RestfulServer restfulServer;

  private HttpEndpoint(Server jetty, RestfulServer restfulServer) {
    this.jetty = jetty;
    this.restfulServer = restfulServer;
  }

  /**
   * Starts serving.
   *
   * @param port the port to listen on, 0 for a free one
   * @param interceptors HAPI interceptors added by the caller, registered after the configured ones
   */
  static HttpEndpoint start(ApplicationContext spring, ServerSettings settings, int port, List<Object> interceptors)
      throws Exception {
    RestfulServer restfulServer = restfulServer(spring, settings);
    interceptors.forEach(restfulServer::registerInterceptor);

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName(THREAD_NAME);
    threads.setDaemon(true);
    // On stop, Jetty drops every connection at once, then waits for requests in flight to finish for half this
    // timeout before interrupting them: 5 s, so that stop() returns only when the database no longer changes.
    threads.setStopTimeout(10_000);
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(HOST);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(restfulServer), FHIR_PATH + "/*");
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
    return new HttpEndpoint(jetty, restfulServer);
  }

  /**
   * Loads what request validation needs (the R4 definitions, snapshots, code systems) once per server, so that the
   * first validated request answers as fast as the others: on two busy cores it otherwise took over 10 s, a client's
   * default socket timeout.
   */
  static void warmUp(ApplicationContext spring, ServerSettings settings) {
    if (!settings.requestValidation()) {
      return;
    }
    FhirValidator validator = spring.getBean(IFhirSystemDao.class).getContext().newValidator();
    validator.registerValidatorModule(spring.getBean(IInstanceValidatorModule.class));
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "20447-9", null)));
    observation.setSubject(new Reference("urn:uuid:" + UUID.randomUUID()));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl(observation.getSubject().getReference()).setResource(new Patient())
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(observation)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    validator.validateWithResult(transaction);
  }

  int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  void registerInterceptor(Object interceptor) {
    restfulServer.registerInterceptor(interceptor);
  }

  void unregisterInterceptor(Object interceptor) {
    restfulServer.unregisterInterceptor(interceptor);
  }

  /**
   * Closes the port and drops every connection at once, as when a real server goes down; returns when the requests
   * that were in flight have finished (at most 5 s, then they are interrupted).
   */
  void stop() throws Exception {
    jetty.stop();
  }

  private static RestfulServer restfulServer(ApplicationContext spring, ServerSettings settings) {
    IFhirSystemDao<?, ?> systemDao = spring.getBean(IFhirSystemDao.class);
    JpaStorageSettings storageSettings = spring.getBean(JpaStorageSettings.class);
    RestfulServer server = new RestfulServer(systemDao.getContext());
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
    server.registerProvider(spring.getBean(JpaSystemProvider.class));
    server.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
    server.setServerConformanceProvider(new JpaCapabilityStatementProvider(
        server,
        systemDao,
        storageSettings,
        spring.getBean(ISearchParamRegistry.class),
        spring.getBean(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN, IValidationSupport.class)));
    // Authorization first: it must reject an unauthenticated request before validation looks at its body.
    settings.bearerToken().ifPresent(token -> server.registerInterceptor(new BearerTokenAuthorization(token)));
    if (settings.requestValidation()) {
      RequestValidatingInterceptor validation = new RequestValidatingInterceptor();
      validation.addValidatorModule(spring.getBean(IInstanceValidatorModule.class));
      validation.setFailOnSeverity(ResultSeverityEnum.ERROR);
      // No validation-result header: messages may quote the resource, and headers end up in logs.
      validation.setAddResponseHeaderOnSeverity(null);
      server.registerInterceptor(validation);
    }
    return server;
  }
}
