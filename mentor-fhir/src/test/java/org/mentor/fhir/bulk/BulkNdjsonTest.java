package org.mentor.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.imports.FhirImporter;
import org.mentor.fhir.imports.ImportedCase;
import org.mentor.fhir.mapping.CaseReader.Defaults;

/** S1–S10 exported as Bulk Data NDJSON (one stream per type) and read back give the same cases. */
class BulkNdjsonTest {
  @Test
  void the_scenarios_round_trip_through_ndjson() {
    BulkNdjson bulk = new BulkNdjson(Scenarios.mapping());
    List<CaseFile> files = Scenarios.all().values().stream().map(s -> s.builder().file()).toList();
    Map<String, StringWriter> streams = new TreeMap<>();
    Map<String, Integer> counts = bulk.export(files, f -> Protocol.who2021(), java.time.LocalDate.of(2026, 1, 1),
        type -> streams.computeIfAbsent(type, t -> new StringWriter()));
    assertThat(streams.keySet()).contains("EpisodeOfCare", "Observation", "MedicationStatement", "Provenance", "CarePlan", "ServiceRequest");
    assertThat(counts.get("EpisodeOfCare")).isEqualTo(10 + 11); // ten enrolments, eleven infants' follow-up (S10 twins)
    streams.forEach((type, w) -> assertThat(w.toString().lines()).allMatch(l -> l.startsWith("{\"resourceType\":\"" + type + "\"")));
    List<Reader> readers = new ArrayList<>();
    streams.values().forEach(w -> readers.add(new StringReader(w.toString())));
    List<ImportedCase> back = bulk.importCases(readers, new FhirImporter(Scenarios.mapping()),
        new Defaults(new RecordedBy("bulk", "f", "ndjson"), Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(back).hasSize(10);
    for (ImportedCase imported : back) {
      CaseFile original = files.stream().filter(f -> f.caseId().equals(imported.file().caseId())).findFirst().orElseThrow();
      assertThat(imported.file().facts().sameClinicalFacts(original.facts())).isTrue();
      assertThat(imported.file().facts().events()).isEqualTo(original.facts().events());
    }
  }
}
