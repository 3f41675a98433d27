package org.mentor.fhir.testserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;

/** What the tests share: a client as Mentor builds one, and synthetic resources. */
final class Fhir {

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

  private static final FhirContext R4 = FhirContext.forR4Cached();

  static {
    // No /metadata round trip before the first call of each client.
    R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // The build machine has two cores shared with other builds: HAPI's default 10 s is tight there.
    R4.getRestfulClientFactory().setSocketTimeout(60_000);
  }

  private Fhir() {}

  static IGenericClient client(String baseUrl) {
    return R4.newRestfulGenericClient(baseUrl);
  }

  static IGenericClient client(String baseUrl, String bearerToken) {
    IGenericClient client = client(baseUrl);
    client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
    return client;
  }

  /** An identifier system no other test uses: tests share the server and isolate their data by it. */
  static String uniqueSystem() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  /** A synthetic maternal viral load, labelled as Mentor labels every resource (../shared/fhir/MAPPING.md). */
  static Observation viralLoad(String identifierSystem, String identifierValue, int copiesPerMl) {
    Observation observation = new Observation();
    observation.addIdentifier(new Identifier().setSystem(identifierSystem).setValue(identifierValue));
    observation.setStatus(ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding(LOINC, "20447-9",
        "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection")));
    observation.setValue(new Quantity().setValue(copiesPerMl).setUnit("copies/mL").setSystem(UCUM)
        .setCode("{copies}/mL"));
    observation.getMeta().addSecurity(CONFIDENTIALITY, "R", "restricted");
    observation.getMeta().addSecurity(ACT_CODE, "HIV", "HIV/AIDS information sensitivity");
    return observation;
  }

  static int total(Bundle bundle) {
    return bundle.getEntry().size();
  }
}
