package org.mentor.fhir.reconcile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * What a reconcile found.
 *
 * @param cases the cases compared
 * @param expected the resources the library would write for them
 * @param matching how many of those the server holds with the same Mentor-owned content, exactly once
 * @param findings every difference, missing first, then differing, then extra
 * @param failures searches that failed (redacted); when not empty the comparison is incomplete
 * @param took how long it took
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReconcileReport(ImmutableList<CaseId> cases, int expected, int matching, ImmutableList<Finding> findings,
    ImmutableList<String> failures, Duration took) {
  public ReconcileReport {
    cases = ImmutableList.copyOf(cases);
    findings = ImmutableList.copyOf(findings);
    failures = ImmutableList.copyOf(failures);
  }

  /** Whether server and library agree (and the comparison completed). */
  public boolean clean() {
    return findings.isEmpty() && failures.isEmpty();
  }

  public List<Finding> missing() {
    return of(Finding.Kind.MISSING);
  }

  public List<Finding> differing() {
    return of(Finding.Kind.DIFFERING);
  }

  /** Duplicates and unexpected resources. */
  public List<Finding> extra() {
    return findings.stream().filter(Finding::extra).toList();
  }

  private List<Finding> of(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  @Override
  public String toString() {
    return "ReconcileReport[" + cases.size() + " cases, " + expected + " expected, " + matching + " matching, " + missing().size() + " missing, "
        + differing().size() + " differing, " + extra().size() + " extra, " + failures.size() + " failed searches]";
  }
}
