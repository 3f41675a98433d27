package org.mentor.fhir.pull;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.mentor.core.CaseId;
import org.mentor.fhir.sync.SyncWorld;

/**
 * A hospital lab writing to the national server with a bare HAPI client, as labs do: the mother's Patient (found or
 * registered by her identifier) and Observations with only a LOINC code and a value. Synthetic values.
 */
final class Lab {
  static final String LOINC = "http://loinc.org";
  static final String VL_PLASMA = "20447-9"; // MAPPING.md §3: HIV 1 RNA [#/volume] (viral load) in Serum or Plasma

  private final IGenericClient client;
  private final SyncWorld world;

  Lab(String baseUrl, SyncWorld world) {
    this.client = SyncWorld.client(baseUrl);
    this.world = world;
  }

  IGenericClient client() {
    return client;
  }

  /** The mother's Patient on the server (as the EMR registered her), by the identifier the mapping uses. */
  String patient(CaseId caseId) {
    String motherId = world.registry.file(caseId).facts().enrolment().orElseThrow().motherId().value();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(world.motherSystem()).setValue(motherId);
    patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    return client.create().resource(patient).conditionalByUrl("Patient?identifier=" + world.motherSystem() + "|" + motherId).execute()
        .getId().toUnqualifiedVersionless().getValue();
  }

  /** A viral load: status, LOINC code, the Patient, the sample date and the value, nothing else. */
  static Observation viralLoad(String patient, LocalDate sampled, String comparator, int copies) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.getCode().addCoding().setSystem(LOINC).setCode(VL_PLASMA);
    o.setSubject(new Reference(patient));
    o.setEffective(new DateTimeType(sampled.toString()));
    Quantity value = new Quantity().setValue(BigDecimal.valueOf(copies)).setUnit("copies/mL").setSystem("http://unitsofmeasure.org").setCode("{copies}/mL");
    if (comparator != null) {
      value.setComparator(Quantity.QuantityComparator.fromCode(comparator));
    }
    o.setValue(value);
    return o;
  }

  /** Creates a resource; its server id ({@code Observation/1234}). */
  String create(Observation observation) {
    return client.create().resource(observation).execute().getId().toUnqualifiedVersionless().getValue();
  }

  Observation read(String id) {
    return client.read().resource(Observation.class).withId(new IdType(id)).execute();
  }

  /** Updates a resource the lab owns (a corrected result, or entered-in-error); its new version. */
  String update(Observation observation) {
    return client.update().resource(observation).execute().getId().getVersionIdPart();
  }
}
