package org.mentor.core.pathway;

import net.jqwik.api.Arbitrary;

/** Gives other test packages the realistic generated cases of {@link GenCases}. */
public final class GeneratedCases {
  private GeneratedCases() {}

  /** Case files of generated scenarios (corrections, voids, twins, deaths, late results included). */
  public static Arbitrary<CaseFile> files() {
    return GenCases.scenarios().map(GenCases.Scenario::file);
  }
}
