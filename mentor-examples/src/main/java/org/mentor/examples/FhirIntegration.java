package org.mentor.examples;

import static java.time.LocalDate.of;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.schedule.Milestone;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.pull.PullCursor;
import org.mentor.fhir.pull.PullReport;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.reconcile.ReconcileReport;
import org.mentor.fhir.testserver.FhirTestServer;

/**
 * Example 2, FHIR integration (docs/fhir-sync.md): one synthetic case is mapped and pushed to a FHIR R4
 * server, pushed again (nothing sent, the server's counts unchanged), a lab posts the mother's repeat
 * viral load on the server, the pull brings it into the case, the next push sends the case's new
 * state (never the lab's result), and a reconcile proves that server and library agree.
 *
 * <p>Run it with a server's base URL as argument, or none to start the embedded HAPI FHIR JPA server.
 */
public final class FhirIntegration {
  private static final RecordedBy NURSE = new RecordedBy("nurse-07", "clinic-042", "example-emr");
  private static final String NATIONAL_ID = "https://moh.example.org/sid/national-id";

  /**
   * What each step found.
   *
   * @param first the first push
   * @param counted the server's counts after it, by type
   * @param again the second push
   * @param recounted the server's counts after it
   * @param pulled the pull after the lab's post
   * @param repeatViralLoad the repeat viral-load milestone after the pull
   * @param afterPull the push after the pull
   * @param reconciled the reconcile at the end
   */
  public record Outcome(PushReport first, Map<String, Integer> counted, PushReport again, Map<String, Integer> recounted,
      PullReport pulled, Milestone repeatViralLoad, PushReport afterPull, ReconcileReport reconciled) {}

  /**
   * Runs the example.
   *
   * @param args the server's base URL, or nothing to start the embedded server
   * @throws IOException if the lab's system cannot reach the server
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      run(args[0], System.out);
      return;
    }
    try (FhirTestServer server = FhirTestServer.builder().start()) {
      run(server.baseUrl(), System.out);
    }
  }

  /**
   * Runs the example against a server.
   *
   * @param serverUrl the server's base URL, such as {@code http://localhost:8080/fhir}
   * @param out where to print
   * @return what each step found
   * @throws IOException if the lab's system cannot reach the server
   */
  public static Outcome run(String serverUrl, PrintStream out) throws IOException {
    // Synthetic, and new on each run, so that the example can run again on the same server.
    String run = UUID.randomUUID().toString().substring(0, 8);
    CaseId caseId = CaseId.of("case-" + run);
    MotherId mother = MotherId.of("NID-" + run);
    ZoneId zone = ZoneId.of("Africa/Nairobi");
    CaseRegistry registry = CaseRegistry.builder().clock(Clock.fixed(Instant.parse("2026-01-05T07:00:00Z"), zone)).build();
    registry.enrol(caseId, new Enrolled(EventId.of("emr-1"), of(2025, 6, 16), at(of(2025, 6, 16)), NURSE, mother,
        new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE, Optional.of(of(2025, 4, 7)), Optional.empty(), Optional.empty()));
    registry.record(caseId, new ArtStarted(EventId.of("emr-2"), of(2025, 6, 16), at(of(2025, 6, 16)), NURSE, Regimen.TLD));
    registry.record(caseId, new MentorAssigned(EventId.of("emr-3"), of(2025, 6, 16), at(of(2025, 6, 16)), NURSE, MentorId.of("mm-12")));
    registry.record(caseId, new ViralLoadResulted(EventId.of("emr-4"), of(2025, 9, 15), at(of(2025, 9, 22)), NURSE,
        of(2025, 9, 22), ViralLoad.copies(2_400)));                  // elevated: a repeat is due three months after the sample
    Milestone due = registry.schedule(caseId).find("VL_FOLLOW_UP").orElseThrow();
    out.printf("%s on %s: viral load %s, repeat viral load %s (due %s)%n", caseId, registry.today(),
        registry.state(caseId).mother().viralLoadStatus(), due.state(), due.due());

    FhirMapping mapping = FhirMapping.builder(FhirContext.forR4Cached(), "https://clinic.example.org/mentor-" + run)
        .motherIdentifierSystem(NATIONAL_ID).zone(zone).build();           // how the EMR and the labs name the mother
    List<Resource> mapped = mapping.map(registry.file(caseId), Protocol.who2021(), registry.today()).resources();
    out.printf("Mapped to %d FHIR resources; pushing to %s%n", mapped.size(), serverUrl);
    try (FhirHttp http = FhirHttp.builder(serverUrl).build();
        FhirPush push = FhirPush.builder(registry, mapping, http).build();
        FhirPull pull = FhirPull.builder(registry, mapping, http)
            .recordedBy(new RecordedBy("fhir-pull", "national-lab", "national-fhir")).build();
        FhirReconcile reconcile = FhirReconcile.builder(registry, mapping, http).build()) {
      PushReport first = push.push();
      Map<String, Integer> counted = count(http, mapped);
      out.printf("1. push: %d case sent, %d resources; the server holds %s%n", first.pushed(), first.resources(), counted);
      PushReport again = push.push();                             // the case is unchanged: nothing to send
      Map<String, Integer> recounted = count(http, mapped);
      out.printf("2. push again: %d cases sent, %d unchanged; the server holds %s%n", again.pushed(), again.unchanged(),
          recounted);

      labPostsViralLoad(serverUrl, mother);
      PullReport pulled = pull.pull(PullCursor.start());         // store pulled.cursor() for the next pull
      Milestone repeat = registry.schedule(caseId).find("VL_FOLLOW_UP").orElseThrow();
      out.printf("3. the lab posted a viral load; pull: %d resource recorded (%d event), %d refused, %d conflicts%n",
          pulled.imported().size(), pulled.events(), pulled.refusals().size(), pulled.conflicts().size());
      out.printf("   the case now: viral load %s, repeat viral load %s on %s%n",
          registry.state(caseId).mother().viralLoadStatus(), repeat.state(), repeat.satisfiedOn().orElseThrow());

      PushReport afterPull = push.push();                         // its milestone is met; the lab's result is not sent back
      ReconcileReport reconciled = reconcile.check(registry.caseIds());
      out.printf("4. push: %d case sent; reconcile: %s, %d of %d resources as the library would write them%n",
          afterPull.pushed(), reconciled.clean() ? "clean" : reconciled.findings(), reconciled.matching(), reconciled.expected());
      return new Outcome(first, counted, again, recounted, pulled, repeat, afterPull, reconciled);
    }
  }

  /** A hospital lab, another system: registers the mother by her national id (unless the server has her), posts her result. */
  private static void labPostsViralLoad(String serverUrl, MotherId mother) throws IOException {
    String patientUrl = "urn:uuid:" + UUID.randomUUID();                          // the transaction's name for her
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(NATIONAL_ID).setValue(mother.value());
    Observation vl = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(patientUrl))
        .setEffective(new DateTimeType("2025-12-29"))                                // the sample date
        .setValue(new Quantity().setComparator(Quantity.QuantityComparator.LESS_THAN).setValue(50).setUnit("copies/mL")
            .setSystem("http://unitsofmeasure.org").setCode("{copies}/mL"));
    vl.getCode().addCoding().setSystem("http://loinc.org").setCode("20447-9");        // HIV-1 RNA (viral load), plasma
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient").setIfNoneExist("identifier=" + NATIONAL_ID + "|" + mother.value());
    transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(vl).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    try (FhirHttp lab = FhirHttp.builder(serverUrl).build()) {
      String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(transaction);
      FhirHttp.Response answer = lab.post("", json.getBytes(StandardCharsets.UTF_8));
      if (!answer.ok()) {
        throw new IOException("the lab's transaction was refused: HTTP " + answer.status());
      }
    }
  }

  private static Instant at(LocalDate day) {
    return day.atTime(9, 0).toInstant(ZoneOffset.ofHours(3));
  }

  /** The server's count of each mapped type under the case's identifier systems: a duplicate would add one. */
  private static Map<String, Integer> count(FhirHttp http, List<Resource> mapped) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (Resource resource : mapped) {
      Property identifiers = resource.getNamedProperty("identifier");           // Provenance has none
      if (identifiers != null && identifiers.hasValues() && !counts.containsKey(resource.fhirType())) {
        String system = ((Identifier) identifiers.getValues().get(0)).getSystem();
        FhirHttp.Response answer = http.search(resource.fhirType(),
            List.of(Map.entry("identifier", system + "|"), Map.entry("_summary", "count")));   // POST, never cached
        Bundle found = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer.body());
        counts.put(resource.fhirType(), found.getTotal());
      }
    }
    return counts;
  }
}
