package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * An antiretroviral regimen: the code the clinic uses and the class of its anchor drug, which
 * decides what follows an unsuppressed viral load (switch at once on an NNRTI; counsel and repeat
 * on dolutegravir; maternal.md V6–V7).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the regimen's code, such as {@code TDF+3TC+DTG}, not null or blank
 * @param anchorClass the class of the anchor drug, not null
 */
@API(status = STABLE, since = "0.1")
public record Regimen(String code, DrugClass anchorClass) {
  /** Tenofovir, lamivudine and dolutegravir, WHO's preferred first line (maternal.md M2.2). */
  public static final Regimen TLD = new Regimen("TDF+3TC+DTG", DrugClass.INSTI);

  /** Tenofovir, lamivudine and efavirenz: an NNRTI-based regimen. */
  public static final Regimen TLE = new Regimen("TDF+3TC+EFV", DrugClass.NNRTI);

  public Regimen {
    requireNonNull(code, "code");
    requireNonNull(anchorClass, "anchorClass");
    checkArgument(!code.isBlank(), "code is not blank");
  }

  /** The class of a regimen's anchor drug. */
  public enum DrugClass {
    /** Integrase inhibitor, such as dolutegravir. */
    INSTI,
    /** Non-nucleoside reverse-transcriptase inhibitor, such as efavirenz or nevirapine. */
    NNRTI,
    /** Protease inhibitor, such as lopinavir/ritonavir or atazanavir/ritonavir. */
    PI,
    /** Anything else. */
    OTHER
  }
}
