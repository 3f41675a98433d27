package org.mentor.core.pathway;

import org.mentor.core.protocol.Protocol;

/** Gives other test packages the protocol-variant helper of {@link ScenarioStateTest}. */
public final class ScenarioStateTestSupport {
  private ScenarioStateTestSupport() {}

  /** WHO_2021 with one value replaced (a JSON literal), loaded as protocol {@code WHO_2021_VARIANT}. */
  public static Protocol variant(String key, String valueJson) {
    return ScenarioStateTest.variant(key, valueJson);
  }
}
