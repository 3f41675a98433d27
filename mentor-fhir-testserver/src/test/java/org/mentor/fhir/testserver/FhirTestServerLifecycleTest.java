package org.mentor.fhir.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.fhir.testserver.Fhir.client;
import static org.mentor.fhir.testserver.Fhir.uniqueSystem;
import static org.mentor.fhir.testserver.Fhir.viralLoad;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A server of its own, stopped, started and finally closed, so the shared ones stay up: the class javadoc's example
 * server, plus referential integrity off (the one switch the shared servers leave on).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirTestServerLifecycleTest {

  private static final String TOKEN = "s3cret";

  private static FhirTestServer server;

  @BeforeAll
  static void startOwnServer() {
    server = FhirTestServer.builder().bearerToken(TOKEN).referentialIntegrity(false).start();
  }

  @AfterAll
  static void closeOwnServer() {
    server.close();
  }

  @Test
  @Order(1)
  void given_referential_integrity_off_when_referencing_a_missing_patient_then_stored() {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Observation dangling = viralLoad(system, "vl-1", 2_400).setSubject(new Reference("Patient/999999999"));

    assertThat(client.create().resource(dangling).execute().getCreated()).isTrue();
  }

  @Test
  @Order(2)
  void given_data_when_stopped_then_the_port_is_closed_and_when_started_again_same_port_same_data() {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    IIdType id = client.create().resource(viralLoad(system, "vl-1", 2_400)).execute().getId()
        .toUnqualifiedVersionless();
    int port = server.port();
    String baseUrl = server.baseUrl();

    server.stop();

    assertThat(server.isRunning()).isFalse();
    assertPortClosed(port);
    assertThatThrownBy(() -> observations(client, system)).isInstanceOf(FhirClientConnectionException.class);

    server.start();

    assertThat(server.isRunning()).isTrue();
    assertThat(server.port()).isEqualTo(port);
    assertThat(server.baseUrl()).isEqualTo(baseUrl);
    Bundle found = observations(client, system);
    assertThat(found.getEntry()).hasSize(1);
    assertThat(found.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless()).isEqualTo(id);
    // And it takes writes again, still with its settings.
    assertThat(client.create().resource(viralLoad(system, "vl-2", 38)).execute().getCreated()).isTrue();
    assertThatThrownBy(() -> observations(client(server.baseUrl()), system))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  @Order(3)
  void given_a_request_in_flight_when_stopped_then_its_client_loses_the_connection_and_the_server_still_commits_it()
      throws Exception {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();

    int stored = stopWhileWriting(client, system, HeldWrite.Then.COMPLETE);

    // The answer was lost, the write was not: the case a resumed push must not duplicate.
    assertThat(stored).isEqualTo(1);
  }

  @Test
  @Order(4)
  void given_a_request_in_flight_that_fails_when_stopped_then_nothing_of_it_is_committed() throws Exception {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();

    int stored = stopWhileWriting(client, system, HeldWrite.Then.FAIL);

    assertThat(stored).isZero();
  }

  /** Stops the server while a one-entry transaction is held inside it; returns what is stored after a restart. */
  private static int stopWhileWriting(IGenericClient client, String system, HeldWrite.Then then) throws Exception {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(viralLoad(system, "vl-1", 2_400)).getRequest()
        .setMethod(Bundle.HTTPVerb.PUT).setUrl("Observation?identifier=" + system + "|vl-1");
    HeldWrite held = new HeldWrite(then);
    server.registerInterceptor(held);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Bundle> push = threads.submit(() -> client.transaction().withBundle(transaction).execute());
      assertThat(held.entered.await(30, TimeUnit.SECONDS)).isTrue();

      Future<?> stopping = threads.submit(server::stop);

      assertThatThrownBy(() -> push.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(FhirClientConnectionException.class);
      assertThat(stopping.isDone()).as("stop() waits for the request in flight").isFalse();
      held.release.countDown();
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      held.release.countDown();
      threads.shutdown();
      server.unregisterInterceptor(held);
    }
    server.start();
    return observations(client, system).getEntry().size();
  }

  @Test
  @Order(5)
  void given_stop_and_start_twice_then_each_second_call_does_nothing() {
    server.stop();
    server.stop();
    server.start();
    server.start();

    assertThat(server.isRunning()).isTrue();
    assertThat(client(server.baseUrl(), TOKEN).search().byUrl("Observation?_count=1").returnBundle(Bundle.class)
        .execute().getEntry()).isNotEmpty();
  }

  @Test
  @Order(6)
  void given_a_fault_injecting_interceptor_then_it_answers_until_unregistered_and_survives_a_restart() {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Object unavailable = new ServiceUnavailable();

    server.registerInterceptor(unavailable);
    assertThatThrownBy(() -> observations(client, system))
        .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
    server.stop();
    server.start();
    assertThatThrownBy(() -> observations(client, system))
        .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
    server.unregisterInterceptor(unavailable);

    assertThat(observations(client, system).getEntry()).isEmpty();
  }

  @Test
  @Order(7)
  void given_close_then_the_port_is_closed_the_database_freed_and_the_server_cannot_start_again() {
    int port = server.port();
    H2Database database = server.database();
    assertThat(databaseExists(database)).isTrue();

    server.close();
    server.close();

    assertThat(server.isRunning()).isFalse();
    assertPortClosed(port);
    assertThat(databaseExists(database)).isFalse();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static Bundle observations(IGenericClient client, String system) {
    return client.search().byUrl("Observation?identifier=" + system + "|").returnBundle(Bundle.class).execute();
  }

  private static boolean databaseExists(H2Database database) {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + ";IFEXISTS=TRUE", "sa", "")) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void assertPortClosed(int port) {
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  /** Holds the first write of a request until released, then lets it complete or fails it. */
  @Interceptor
  public static final class HeldWrite {
    enum Then { COMPLETE, FAIL }

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Then then;

    HeldWrite(Then then) {
      this.then = then;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void hold() throws InterruptedException {
      entered.countDown();
      if (!release.await(30, TimeUnit.SECONDS) || then == Then.FAIL) {
        throw new InternalErrorException("Write failed (injected)");
      }
    }
  }

  /** Answers every request with 503, as an overloaded server does. */
  @Interceptor
  public static final class ServiceUnavailable {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void refuse() {
      throw new UnclassifiedServerFailureException(503, "Service Unavailable (injected)");
    }
  }

}
