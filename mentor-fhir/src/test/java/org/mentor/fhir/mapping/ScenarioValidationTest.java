package org.mentor.fhir.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.Scenarios.Scenario;
import org.mentor.fhir.Validation;

/** Every resource of every worked scenario (shared/clinical/scenarios.md S1–S10) validates against base R4 with zero errors. */
class ScenarioValidationTest {
  private static final FhirMapping MAPPING = FhirMapping.builder(Scenarios.FHIR, Scenarios.BASE).writePatients(true).build();

  @TestFactory
  List<DynamicTest> every_resource_of_every_scenario_validates() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : Scenarios.all().values()) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> {
        CaseResources resources = MAPPING.map(s.builder().file(), Protocol.who2021(), s.asOf());
        List<String> errors = new ArrayList<>();
        for (Resource r : resources.resources()) {
          Validation.errors(r).forEach(e -> errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + e));
        }
        Validation.errors(MAPPING.transaction(resources)).forEach(e -> errors.add("transaction " + e));
        assertThat(errors).isEmpty();
        assertThat(resources.resources()).allMatch(Labels::carried);
      }));
    }
    return tests;
  }

  @org.junit.jupiter.api.Test
  void the_validator_finds_a_missing_required_element() {
    assertThat(Validation.errors(new org.hl7.fhir.r4.model.Observation())).isNotEmpty(); // status and code are 1..1
  }
}
