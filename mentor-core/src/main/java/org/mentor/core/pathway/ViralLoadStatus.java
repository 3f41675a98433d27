package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The mother's viral load and what follows an elevated result (maternal.md §4). */
@API(status = STABLE, since = "0.1")
public enum ViralLoadStatus implements PathwayState {
  /** No viral-load result yet (or none since a regimen switch). */
  NO_RESULT("No viral-load result yet (or none since a regimen switch)."),
  /** Latest result below the suppression threshold (T1, T2). */
  SUPPRESSED("Latest result below the suppression threshold (T1, T2)."),
  /** Latest result at or above the suppression threshold and not above the unsuppressed threshold (T3): counselling, repeat. */
  LOW_LEVEL_VIRAEMIA("Latest result at or above the suppression threshold and not above the unsuppressed threshold (T3): counselling, repeat."),
  /** Latest result above the unsuppressed threshold (T4): enhanced adherence counselling, repeat. */
  UNSUPPRESSED("Latest result above the unsuppressed threshold (T4): enhanced adherence counselling, repeat."),
  /** Enhanced adherence counselling under way after an elevated result. */
  ENHANCED_COUNSELLING("Enhanced adherence counselling under way after an elevated result."),
  /** The follow-up viral load is due (counselling complete or its window open). */
  REPEAT_DUE("The follow-up viral load is due (counselling complete or its window open)."),
  /** Unsuppressed on an NNRTI, or again after counselling: a regimen switch is indicated (V5, V6). */
  SWITCH_INDICATED("Unsuppressed on an NNRTI, or again after counselling: a regimen switch is indicated (V5, V6).");

  private final String meaning;

  ViralLoadStatus(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.VIRAL_LOAD;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
