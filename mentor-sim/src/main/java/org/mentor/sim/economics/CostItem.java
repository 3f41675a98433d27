package org.mentor.sim.economics;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.result.Resource;
import org.mentor.sim.result.ResourceUse;

/**
 * The priced items of {@code costs.json}, each with the simulated resource it prices and the unit
 * it is priced in (a count, a week or a month of days).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CostItem {
  /** Mentor-mother support per client-month (C9): the programme's cost. */
  MENTOR_CLIENT_MONTH("mentor.perClientMonth", Resource.MENTOR_CLIENT_DAYS, ResourceUse.DAYS_PER_MONTH, "client-months"),
  /** Maternal ARVs per month on ART (C12). */
  MATERNAL_ARV_MONTH("arv.maternalPerMonth", Resource.MATERNAL_ART_DAYS, ResourceUse.DAYS_PER_MONTH, "ART months"),
  /** A clinic contact. */
  CLINIC_VISIT("visit.clinic", Resource.CLINIC_VISITS, 1, "visits"),
  /** A maternal viral load (C11). */
  VIRAL_LOAD("test.viralLoad", Resource.VIRAL_LOADS, 1, "viral loads"),
  /** An infant NAT (C10). */
  NAT("test.nat", Resource.NAT_TESTS, 1, "NATs"),
  /** An infant antibody test. */
  ANTIBODY_TEST("test.antibody", Resource.ANTIBODY_TESTS, 1, "antibody tests"),
  /** A week of infant NVP (C14). */
  NVP_WEEK("prophylaxis.nvpPerWeek", Resource.PROPHYLAXIS_NVP_DAYS, 7, "NVP weeks"),
  /** A week of infant AZT + NVP (C14). */
  AZT_NVP_WEEK("prophylaxis.aztNvpPerWeek", Resource.PROPHYLAXIS_AZT_NVP_DAYS, 7, "AZT+NVP weeks"),
  /** A week of infant AZT alone. */
  AZT_WEEK("prophylaxis.aztPerWeek", Resource.PROPHYLAXIS_AZT_DAYS, 7, "AZT weeks"),
  /** A week of an infant three-drug regimen. */
  THREE_DRUG_WEEK("prophylaxis.threeDrugPerWeek", Resource.PROPHYLAXIS_THREE_DRUG_DAYS, 7, "three-drug weeks"),
  /** A month of infant cotrimoxazole (C15). */
  INFANT_CTX_MONTH("ctx.infantPerMonth", Resource.INFANT_CTX_DAYS, ResourceUse.DAYS_PER_MONTH, "CTX months"),
  /** A year of treating an infected child (C19): the benefit side, through its present value (C25). */
  CHILD_TREATMENT_YEAR("child.treatmentPerYear", null, 1, "years");

  private final String key;
  private final @Nullable Resource resource;
  private final double daysPerUnit;
  private final String units;

  CostItem(String key, @Nullable Resource resource, double daysPerUnit, String units) {
    this.key = key;
    this.resource = resource;
    this.daysPerUnit = daysPerUnit;
    this.units = units;
  }

  /** The key in {@code costs.json}, such as {@code test.nat}. */
  public String key() {
    return key;
  }

  /** The simulated resource this item prices; empty for the child's treatment (priced through its present value). */
  public Optional<Resource> resource() {
    return Optional.ofNullable(resource);
  }

  /** What the quantity is counted in, such as {@code client-months}. */
  public String units() {
    return units;
  }

  /**
   * The quantity an arm used, in this item's unit.
   *
   * @param use the arm's resource use, not null
   * @return the quantity (0 for the child's treatment)
   */
  public double quantity(ResourceUse use) {
    requireNonNull(use, "use");
    return resource == null ? 0 : use.total(resource) / daysPerUnit;
  }

  /**
   * The item for a key.
   *
   * @param key a key of {@code costs.json}, not null
   * @return the item, if the key is known
   */
  public static Optional<CostItem> byKey(String key) {
    requireNonNull(key, "key");
    for (CostItem item : values()) {
      if (item.key.equals(key)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }
}
