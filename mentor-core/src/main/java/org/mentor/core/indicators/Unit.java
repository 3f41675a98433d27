package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;

/**
 * What one count stands for: a pregnancy (the mother once per pregnancy, indicators.md K8), one
 * infant (each twin separately), or one infant test (by the root id of its correction chain, so a
 * corrected result is the same unit).
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case, not null
 * @param infantId the infant, for infant and test units, not null
 * @param testId the test's root event id, for test units, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Unit(CaseId caseId, Optional<InfantId> infantId, Optional<EventId> testId) implements Comparable<Unit> {
  public Unit {
    requireNonNull(caseId, "caseId");
    requireNonNull(infantId, "infantId");
    requireNonNull(testId, "testId");
    if (testId.isPresent() && infantId.isEmpty()) {
      throw new IllegalArgumentException("a test unit names its infant");
    }
  }

  /** A pregnancy: the mother, once per case. */
  public static Unit pregnancy(CaseId caseId) {
    return new Unit(caseId, Optional.empty(), Optional.empty());
  }

  /** One infant. */
  public static Unit infant(CaseId caseId, InfantId infantId) {
    return new Unit(caseId, Optional.of(infantId), Optional.empty());
  }

  /** One infant test, by its root event id. */
  public static Unit test(CaseId caseId, InfantId infantId, EventId rootId) {
    return new Unit(caseId, Optional.of(infantId), Optional.of(rootId));
  }

  /** What kind of thing is counted. */
  public Kind kind() {
    return testId.isPresent() ? Kind.TEST : infantId.isPresent() ? Kind.INFANT : Kind.PREGNANCY;
  }

  /** By case, then infant id, then test id, each id as its text (a missing id sorts first). */
  @Override
  public int compareTo(Unit other) {
    int byCase = caseId.compareTo(other.caseId);
    if (byCase != 0) {
      return byCase;
    }
    int byInfant = compareInfants(other);
    return byInfant != 0 ? byInfant : compareTests(other);
  }

  // Reports sort every contribution by unit, so the ids' text is built only for twins.
  private int compareInfants(Unit other) {
    if (infantId.equals(other.infantId)) {
      return 0;
    }
    if (infantId.isEmpty() || other.infantId.isEmpty()) {
      return infantId.isEmpty() ? -1 : 1;
    }
    return infantId.get().toString().compareTo(other.infantId.get().toString());
  }

  private int compareTests(Unit other) {
    if (testId.isEmpty() || other.testId.isEmpty()) {
      return Boolean.compare(testId.isPresent(), other.testId.isPresent());
    }
    return testId.get().compareTo(other.testId.get()); // as their values compare
  }

  @Override
  public String toString() {
    return caseId + infantId.map(i -> " infant " + i).orElse("") + testId.map(t -> " test " + t).orElse("");
  }

  /** The kinds of counted unit. */
  public enum Kind {
    /** A pregnancy (a case): maternal indicators count the mother once per pregnancy. */
    PREGNANCY,
    /** A live-born infant. */
    INFANT,
    /** One infant HIV test. */
    TEST
  }
}
