package org.mentor.fhir.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.schedule.Schedule;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;

/** case → FHIR (a transaction Bundle, encoded as JSON and parsed back) → case gives the same facts and evaluation. */
class RoundTripTest {
  private static final FhirMapping MAPPING = Scenarios.mapping();
  private static final FhirImporter IMPORTER = new FhirImporter(MAPPING);
  private static final Defaults DEFAULTS = new Defaults(new RecordedBy("importer", "facility-x", "fhir"), Instant.parse("2030-01-01T00:00:00Z"));

  static CaseFile roundTrip(CaseFile file, Protocol protocol, LocalDate asOf) {
    CaseResources resources = MAPPING.map(file, protocol, asOf);
    String json = Scenarios.FHIR.newJsonParser().encodeResourceToString(MAPPING.transaction(resources));
    List<ImportedCaseView> cases = IMPORTER.importCases(IMPORTER.parse(json), DEFAULTS).stream().map(ImportedCaseView::new).toList();
    assertThat(cases).hasSize(1);
    return cases.get(0).file;
  }

  record ImportedCaseView(CaseFile file) {
    ImportedCaseView(ImportedCase imported) {
      this(imported.file());
    }
  }

  static void assertSame(CaseFile original, CaseFile back, Protocol protocol, LocalDate asOf) {
    assertThat(back.caseId()).isEqualTo(original.caseId());
    assertThat(back.facts().sameClinicalFacts(original.facts())).as("same clinical facts").isTrue();
    assertThat(back.facts().events()).isEqualTo(original.facts().events());
    assertThat(back.evaluate(protocol, asOf)).isEqualTo(original.evaluate(protocol, asOf));
    assertThat(Schedule.of(protocol, back.facts(), asOf)).isEqualTo(Schedule.of(protocol, original.facts(), asOf));
  }

  @TestFactory
  List<DynamicTest> every_scenario_round_trips() {
    return Scenarios.all().values().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
      CaseFile original = s.builder().file();
      CaseFile back = roundTrip(original, Protocol.who2021(), s.asOf());
      assertSame(original, back, Protocol.who2021(), s.asOf());
      // Mapping the imported case gives the same resources as mapping the original.
      assertSameResources(MAPPING.map(back, Protocol.who2021(), s.asOf()), MAPPING.map(original, Protocol.who2021(), s.asOf()));
    })).toList();
  }

  static void assertSameResources(CaseResources actual, CaseResources expected) {
    // The same resources; events come in the order they were recorded, which an import may change.
    java.util.Comparator<org.hl7.fhir.r4.model.Resource> byId = java.util.Comparator.comparing(r -> r.fhirType() + "/" + r.getIdElement().getIdPart());
    List<org.hl7.fhir.r4.model.Resource> a = actual.resources().stream().sorted(byId).toList();
    List<org.hl7.fhir.r4.model.Resource> e = expected.resources().stream().sorted(byId).toList();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertThat(Scenarios.FHIR.newJsonParser().encodeResourceToString(a.get(i))).isEqualTo(Scenarios.FHIR.newJsonParser().encodeResourceToString(e.get(i)));
    }
  }

  static Protocol protocolOf(CaseFile file) {
    return Protocols.builtIn(file.facts().protocol().orElseThrow()).orElse(Protocol.who2021());
  }

  @Property(tries = 60)
  void generated_cases_with_corrections_and_voids_round_trip(@ForAll("files") CaseFile original) {
    Protocol protocol = protocolOf(original);
    LocalDate asOf = original.facts().events().isEmpty() ? LocalDate.of(2026, 1, 1)
        : original.facts().events().get(original.facts().events().size() - 1).occurredOn().plusDays(30);
    CaseFile back = roundTrip(original, protocol, asOf);
    assertSame(original, back, protocol, asOf);
    // Re-importing the same resources into the imported case changes nothing.
    CaseResources again = MAPPING.map(back, protocol, asOf);
    String json = Scenarios.FHIR.newJsonParser().encodeResourceToString(MAPPING.transaction(again));
    assertThat(IMPORTER.importCase(back, IMPORTER.parse(json), DEFAULTS).newEvents()).isEmpty();
  }

  @Property(tries = 30)
  void mapping_twice_at_one_date_gives_equal_resources(@ForAll("files") CaseFile file) {
    Protocol protocol = protocolOf(file);
    LocalDate asOf = LocalDate.of(2026, 6, 1);
    String first = Scenarios.FHIR.newJsonParser().encodeResourceToString(MAPPING.transaction(MAPPING.map(file, protocol, asOf)));
    String second = Scenarios.FHIR.newJsonParser().encodeResourceToString(MAPPING.transaction(MAPPING.map(file, protocol, asOf)));
    assertThat(second).isEqualTo(first);
    CaseResources a = MAPPING.map(file, protocol, asOf);
    CaseResources b = MAPPING.map(file, protocol, asOf);
    for (int i = 0; i < a.resources().size(); i++) {
      assertThat(a.resources().get(i).equalsDeep(b.resources().get(i))).isTrue();
    }
  }

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }
}
