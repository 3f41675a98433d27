package org.mentor.fhir.terminology;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Coding;

/**
 * One code of an external terminology with the display its publisher gives and where it was
 * checked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param system the code system's full URI
 * @param code the code
 * @param display the official display
 * @param source where the code and display were confirmed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Code(String system, String code, String display, String source) {
  public Code {
    requireNonNull(system, "system");
    requireNonNull(code, "code");
    requireNonNull(display, "display");
    requireNonNull(source, "source");
  }

  /** A new HAPI coding of this code (HAPI elements are mutable, so each resource gets its own). */
  public Coding coding() {
    return new Coding(system, code, display);
  }

  /** Whether a coding carries this system and code. */
  public boolean matches(Coding coding) {
    return system.equals(coding.getSystem()) && code.equals(coding.getCode());
  }

  /** {@code system|code}, the form FHIR search uses. */
  @Override
  public String toString() {
    return system + "|" + code;
  }
}
