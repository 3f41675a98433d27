package org.mentor.fhir.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.fhir.testserver.Fhir.client;
import static org.mentor.fhir.testserver.Fhir.uniqueSystem;
import static org.mentor.fhir.testserver.Fhir.viralLoad;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared server with default settings, driven over HTTP with hapi-fhir-client as Mentor's push will drive it. */
@ExtendWith(FhirTestServerExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FhirTestServerTest {

  @Test
  void given_the_shared_server_when_asked_for_metadata_then_it_answers_with_an_R4_JPA_capability_statement(
      FhirTestServer server) {
    CapabilityStatement capabilities = client(server.baseUrl()).capabilities().ofType(CapabilityStatement.class)
        .execute();

    assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(capabilities.getSoftware().getName()).contains("HAPI FHIR");
    assertThat(capabilities.getRestFirstRep().getResource())
        .extracting(CapabilityStatementRestResourceComponent::getType)
        .contains("Patient", "Observation", "Provenance");
  }

  @Test
  void given_the_base_url_parameter_then_it_is_the_shared_servers_on_localhost(
      @FhirBaseUrl String baseUrl, FhirTestServer server) {
    assertThat(baseUrl)
        .isEqualTo(server.baseUrl())
        .isEqualTo("http://127.0.0.1:" + server.port() + "/fhir");
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void given_an_observation_with_HIV_security_labels_when_created_then_a_search_by_security_label_finds_it(
      FhirTestServer server) {
    IGenericClient client = client(server.baseUrl());
    String system = uniqueSystem();
    client.create().resource(viralLoad(system, "vl-1", 2_400)).execute();
    Observation unlabelled = viralLoad(system, "vl-2", 2_400);
    unlabelled.getMeta().getSecurity().clear();
    client.create().resource(unlabelled).execute();

    Bundle found = client.search()
        .byUrl("Observation?identifier=" + system + "|&_security=http://terminology.hl7.org/CodeSystem/v3-ActCode|HIV")
        .returnBundle(Bundle.class)
        .execute();

    assertThat(found.getEntry()).hasSize(1);
    Observation stored = (Observation) found.getEntryFirstRep().getResource();
    assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo("vl-1");
    assertThat(stored.getMeta().getSecurity())
        .extracting(coding -> coding.getSystem() + "|" + coding.getCode())
        .containsExactlyInAnyOrder(
            "http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R",
            "http://terminology.hl7.org/CodeSystem/v3-ActCode|HIV");
  }

  @Test
  void given_a_conditional_update_by_identifier_repeated_unchanged_then_changed_then_one_resource_two_versions(
      FhirTestServer server) {
    IGenericClient client = client(server.baseUrl());
    String system = uniqueSystem();
    String match = "Observation?identifier=" + system + "|vl-1";

    MethodOutcome first = client.update().resource(viralLoad(system, "vl-1", 2_400)).conditionalByUrl(match)
        .execute();
    MethodOutcome repeated = client.update().resource(viralLoad(system, "vl-1", 2_400)).conditionalByUrl(match)
        .execute();
    MethodOutcome changed = client.update().resource(viralLoad(system, "vl-1", 38)).conditionalByUrl(match)
        .execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(first.getId().getVersionIdPart()).isEqualTo("1");
    // Re-sending identical content makes no new version: what makes retried pushes idempotent.
    assertThat(repeated.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(repeated.getId().toUnqualifiedVersionless()).isEqualTo(first.getId().toUnqualifiedVersionless());
    assertThat(repeated.getId().getVersionIdPart()).isEqualTo("1");
    assertThat(changed.getId().toUnqualifiedVersionless()).isEqualTo(first.getId().toUnqualifiedVersionless());
    assertThat(changed.getId().getVersionIdPart()).isEqualTo("2");
    Bundle found = client.search().byUrl(match).returnBundle(Bundle.class).execute();
    assertThat(found.getEntry()).hasSize(1);
    Quantity value = ((Observation) found.getEntryFirstRep().getResource()).getValueQuantity();
    assertThat(value.getValue().intValueExact()).isEqualTo(38);
  }

  @Test
  void given_a_search_repeated_within_a_minute_then_HAPI_serves_the_cached_result_unless_asked_for_no_cache(
      FhirTestServer server) {
    IGenericClient client = client(server.baseUrl());
    String system = uniqueSystem();
    String search = "Observation?identifier=" + system + "|";
    client.create().resource(viralLoad(system, "vl-1", 2_400)).execute();
    Bundle before = client.search().byUrl(search).returnBundle(Bundle.class).execute();
    client.create().resource(viralLoad(system, "vl-2", 38)).execute();

    Bundle cached = client.search().byUrl(search).returnBundle(Bundle.class).execute();
    Bundle fresh = client.search().byUrl(search).cacheControl(new CacheControlDirective().setNoCache(true))
        .returnBundle(Bundle.class).execute();

    // HAPI JPA reuses an identical search's results for 60 s (JpaStorageSettings.reuseCachedSearchResultsForMillis),
    // as national HAPI servers do: a reconcile must send Cache-Control: no-cache.
    assertThat(before.getEntry()).hasSize(1);
    assertThat(cached.getEntry()).hasSize(1);
    assertThat(fresh.getEntry()).hasSize(2);
  }
}
