package org.mentor.fhir.docs;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.ZoneId;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.auth.OAuth2ClientCredentials;
import org.mentor.fhir.auth.SmartBackendServices;
import org.mentor.fhir.http.BearerTokenSource;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.pull.PullConflict;
import org.mentor.fhir.pull.PullCursor;
import org.mentor.fhir.pull.PullReport;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.FilePushJournal;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.reconcile.ReconcileReport;
import org.mentor.fhir.reconcile.RepairReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code samples of {@code docs/fhir-sync.md}, verbatim, so that the compiler checks them: {@link FhirSyncDocsTest}
 * fails when a sample on the page is not in this file. The surrounding declarations stand for the application's own
 * objects (its registry, mapping, secret store, progress bar). Never run.
 */
@SuppressWarnings({"unused", "try"})
final class FhirSyncDocExamples {
  private static final Logger LOGGER = LoggerFactory.getLogger(FhirSyncDocExamples.class);

  /** The application's secret store. */
  interface Vault {
    char[] secret(String name);

    String clientId();
  }

  /** The application's progress bar. */
  interface ProgressBar {
    void set(int done, int total);
  }

  private FhirSyncDocExamples() {}

  static void alert(String message) {}

  static void review(PullConflict conflict) {}

  static void save(String cursor) {}

  static void push(CaseRegistry registry, FhirMapping mapping, String token, ProgressBar progressBar) throws Exception {
    try (FhirPush push = FhirPush.builder(registry, mapping, "https://fhir.example.gov/fhir")
        .bearerToken(token)                                  // from your secret store, or .auth(tokenSource) (OAuth2)
        .journal(FilePushJournal.open(Path.of("/var/lib/mentor/push.journal")))
        .listener((done, total) -> progressBar.set(done, total))
        .build()) {
      PushReport report = push.push();                      // after any failure: push() again
      report.failures().forEach(f -> alert(f.toString()));  // "case c-17 not pushed (REFUSED, HTTP 422, 1 attempt(s)): …"
    }
  }

  static void pull(CaseRegistry registry, FhirMapping mapping, BearerTokenSource tokens, String stored) {
    try (FhirPull pull = FhirPull.builder(registry, mapping, "https://fhir.example.gov/fhir")
        .auth(tokens)                                        // the same token source as the push
        .recordedBy(new RecordedBy("fhir-pull", "national-lab", "national-fhir"))
        .build()) {
      PullCursor cursor = stored.isEmpty() ? PullCursor.start() : PullCursor.fromJson(stored);
      PullReport report = pull.pull(cursor);
      save(report.cursor().toJson());                        // also after an incomplete pull: it keeps its start
      report.refusals().forEach(r -> alert(r.toString()));   // "Observation/81/_history/1 refused at Observation.valueQuantity [VL-001] for case c-17"
      report.conflicts().forEach(c -> review(c));            // facts changed on the server and here: decide, record a correction
    }
  }

  static void reconcile(CaseRegistry registry, FhirMapping mapping, BearerTokenSource tokens) {
    try (FhirReconcile reconcile = FhirReconcile.builder(registry, mapping, "https://fhir.example.gov/fhir").auth(tokens).build()) {
      ReconcileReport report = reconcile.check(registry.caseIds());
      if (!report.clean()) {
        report.findings().forEach(f -> alert(f.toString()));   // "DIFFERING Observation/4711/_history/2 (case c-17)"
        RepairReport repaired = reconcile.repair(report);       // deletes duplicates, re-pushes the cases, checks again
        alert(repaired.after().toString());
      }
    }
  }

  static void auth(Vault vault, KeyStore keyStore, char[] keyPassword) throws Exception {
    OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder(URI.create("https://auth.example.gov/oauth2/token"), "mentor-clinic-17")
        .clientSecret(vault.secret("mentor-clinic-17"))      // char[] from your secret store; copied, never logged
        .scopes("system/Observation.rs", "system/ServiceRequest.cu")
        .build();

    SmartBackendServices smart = SmartBackendServices.builder(URI.create("https://auth.example.gov/oauth2/token"), "mentor-clinic-17",
            (PrivateKey) keyStore.getKey("mentor-clinic-17", keyPassword), "mentor-clinic-17-2026")
        .scopes("system/*.cruds")
        .build();
  }

  public static void sync(CaseRegistry registry, FhirContext fhir, Vault vault, KeyStore keyStore, char[] keyPassword, Path state)
      throws Exception {
    FhirMapping mapping = FhirMapping.builder(fhir, "https://fhir.moh.example.gov/mentor")   // a domain the programme owns
        .motherIdentifierSystem("https://fhir.moh.example.gov/sid/national-id")          // how the EMR and the labs name her
        .zone(ZoneId.of("Africa/Johannesburg"))
        .build();
    SmartBackendServices tokens = SmartBackendServices.builder(URI.create("https://auth.moh.example.gov/oauth2/token"),
            vault.clientId(), (PrivateKey) keyStore.getKey("mentor", keyPassword), "mentor-2026")
        .scopes("system/Observation.cruds", "system/ServiceRequest.cruds", "system/Task.cruds", "system/CarePlan.cruds",
            "system/EpisodeOfCare.cruds", "system/Provenance.cruds", "system/Patient.rs")
        .build();
    try (tokens;
        FhirHttp http = FhirHttp.builder("https://fhir.moh.example.gov/fhir").auth(tokens).maxConnections(2)
            .socketTimeout(Duration.ofSeconds(90)).build();
        FhirPull pull = FhirPull.builder(registry, mapping, http).recordedBy(new RecordedBy("fhir-pull", "moh", "national-fhir")).build();
        FhirPush push = FhirPush.builder(registry, mapping, http).journal(FilePushJournal.open(state.resolve("push.journal"))).build();
        FhirReconcile reconcile = FhirReconcile.builder(registry, mapping, http).build()) {
      Path cursorFile = state.resolve("pull.cursor.json");
      PullCursor cursor = Files.exists(cursorFile) ? PullCursor.fromJson(Files.readString(cursorFile)) : PullCursor.start();
      PullReport pulled = pull.pull(cursor);                  // first what the server learnt (a lab result satisfies a milestone)
      Files.writeString(cursorFile, pulled.cursor().toJson());
      PushReport pushed = push.push();                        // then what Mentor knows; the lab's facts are never sent back
      ReconcileReport check = reconcile.check();              // weekly, say: prove that both agree
      LOGGER.info("pulled {}, pushed {}, reconcile clean: {}", pulled.events(), pushed.pushed(), check.clean());
    }
  }
}
