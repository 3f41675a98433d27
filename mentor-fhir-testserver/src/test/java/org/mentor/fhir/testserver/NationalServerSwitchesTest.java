package org.mentor.fhir.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.fhir.testserver.Fhir.client;
import static org.mentor.fhir.testserver.Fhir.uniqueSystem;
import static org.mentor.fhir.testserver.Fhir.viralLoad;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared server with everything a national server turns on: token, validation, integrity, no client ids. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NationalServerSwitchesTest {

  private static final String TOKEN = "national-server-test-token";

  @RegisterExtension
  static final FhirTestServerExtension SERVER =
      new FhirTestServerExtension(ServerSettings.likeNationalServer(TOKEN));

  // Authorization

  @Test
  void given_no_token_when_creating_then_401_with_a_bearer_challenge_and_nothing_written(FhirTestServer server) {
    String system = uniqueSystem();

    assertThatThrownBy(() -> client(server.baseUrl()).create().resource(viralLoad(system, "vl-1", 2_400)).execute())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));

    assertThat(observations(client(server.baseUrl(), TOKEN), system).getEntry()).isEmpty();
  }

  @Test
  void given_another_token_when_reading_then_401_invalid_token(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), "another-token");

    assertThatThrownBy(() -> observations(client, uniqueSystem()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
  }

  @Test
  void given_no_token_or_another_token_then_the_401_carries_the_RFC_6750_challenge(@FhirBaseUrl String baseUrl)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(baseUrl + "/Observation?_count=1"));

    HttpResponse<String> none = http.send(read.build(), BodyHandlers.ofString());
    HttpResponse<String> other = http.send(read.header("Authorization", "Bearer another-token").build(),
        BodyHandlers.ofString());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().allValues("WWW-Authenticate"))
        .containsExactly("Bearer realm=\"mentor-fhir-testserver\"");
    assertThat(none.body()).contains("\"resourceType\":\"OperationOutcome\"");
    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(other.headers().allValues("WWW-Authenticate"))
        .containsExactly("Bearer realm=\"mentor-fhir-testserver\", error=\"invalid_token\"");
  }

  @Test
  void given_the_token_when_creating_in_a_transaction_and_searching_then_it_succeeds(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(viralLoad(system, "vl-1", 2_400)).getRequest()
        .setMethod(Bundle.HTTPVerb.PUT).setUrl("Observation?identifier=" + system + "|vl-1");

    Bundle response = client.transaction().withBundle(transaction).execute();

    assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
    assertThat(observations(client, system).getEntry()).hasSize(1);
  }

  @Test
  void given_no_token_when_asking_for_metadata_then_the_capability_statement_is_public(FhirTestServer server) {
    CapabilityStatement capabilities = client(server.baseUrl()).capabilities().ofType(CapabilityStatement.class)
        .execute();

    assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
  }

  @Test
  void given_no_token_and_an_invalid_body_then_401_not_422_so_validation_tells_strangers_nothing(
      FhirTestServer server) {
    Observation invalid = new Observation();

    assertThatThrownBy(() -> client(server.baseUrl()).create().resource(invalid).execute())
        .isInstanceOf(AuthenticationException.class);
  }

  // Request validation

  @Test
  void given_an_observation_without_status_and_code_when_created_then_422_with_an_error_outcome_and_nothing_written(
      FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Observation invalid = new Observation();
    invalid.addIdentifier(new Identifier().setSystem(system).setValue("vl-1"));

    assertThatThrownBy(() -> client.create().resource(invalid).execute())
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(422);
          OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
          assertThat(outcome.getIssue())
              .filteredOn(issue -> issue.getSeverity() == IssueSeverity.ERROR)
              .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
              .anySatisfy(message -> assertThat(message).contains("Observation.status"))
              .anySatisfy(message -> assertThat(message).contains("Observation.code"));
        });

    assertThat(observations(client, system).getEntry()).isEmpty();
  }

  @Test
  void given_a_labelled_viral_load_with_LOINC_and_UCUM_when_validated_then_it_is_stored(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();

    MethodOutcome outcome = client.create().resource(viralLoad(system, "vl-1", 2_400)).execute();

    assertThat(outcome.getCreated()).isTrue();
  }

  // Client-assigned ids

  @Test
  void given_client_ids_disallowed_when_putting_a_new_id_then_refused_and_nothing_written(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Observation withClientId = viralLoad(system, "vl-1", 2_400);
    withClientId.setId("Observation/mentor-vl-1-" + system.substring(9, 17));

    // HAPI answers 404 (HAPI-0959: no such resource, and client-assigned ids are not enabled), not 400.
    assertThatThrownBy(() -> client.update().resource(withClientId).execute())
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getMessage()).contains("HAPI-0959");
        });

    assertThat(observations(client, system).getEntry()).isEmpty();
  }

  @Test
  void given_client_ids_disallowed_when_updating_conditionally_by_identifier_then_the_server_assigns_the_id(
      FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();

    MethodOutcome outcome = client.update().resource(viralLoad(system, "vl-1", 2_400))
        .conditionalByUrl("Observation?identifier=" + system + "|vl-1").execute();

    assertThat(outcome.getCreated()).isTrue();
    assertThat(outcome.getId().getIdPart()).containsOnlyDigits();
  }

  // Referential integrity

  @Test
  void given_referential_integrity_when_referencing_a_missing_patient_then_400(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Observation dangling = viralLoad(system, "vl-1", 2_400).setSubject(new Reference("Patient/999999999"));

    assertThatThrownBy(() -> client.create().resource(dangling).execute())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getMessage()).contains("HAPI-1094");
        });

    assertThat(observations(client, system).getEntry()).isEmpty();
  }

  @Test
  void given_referential_integrity_when_deleting_a_referenced_patient_then_409(FhirTestServer server) {
    IGenericClient client = client(server.baseUrl(), TOKEN);
    String system = uniqueSystem();
    Patient mother = new Patient();
    mother.addIdentifier(new Identifier().setSystem(system).setValue("mother-1"));
    var motherId = client.create().resource(mother).execute().getId().toUnqualifiedVersionless();
    client.create().resource(viralLoad(system, "vl-1", 2_400).setSubject(new Reference(motherId))).execute();

    assertThatThrownBy(() -> client.delete().resourceById(motherId).execute())
        .isInstanceOfSatisfying(ResourceVersionConflictException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(409));
  }

  private static Bundle observations(IGenericClient client, String system) {
    return client.search().byUrl("Observation?identifier=" + system + "|").returnBundle(Bundle.class).execute();
  }
}
