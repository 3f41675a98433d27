package org.mentor.core.registry;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.mentor.core.Rule;
import org.mentor.core.pathway.EventKind;

/**
 * Hooks for metrics: an EMR wires its own metrics library here (the core depends on none). Called
 * on the recording thread, after the fact; implementations must be quick and must not throw. Only
 * kinds, rule ids and counts are passed, never patient data.
 */
@API(status = STABLE, since = "0.1")
public interface RegistryListener {
  /** A listener that ignores everything. */
  RegistryListener NONE = new RegistryListener() {};

  /**
   * An event was accepted and stored.
   *
   * @param kind its kind
   * @param refolded whether the case was re-folded (a late event, a correction or a void) rather
   *     than extended in place
   */
  default void recorded(EventKind kind, boolean refolded) {}

  /**
   * An event was refused by a hard rule; nothing changed.
   *
   * @param rule the rule that refused it
   */
  default void refused(Rule rule) {}

  /**
   * An accepted event raised a data-quality issue (a soft rule).
   *
   * @param rule the soft rule
   */
  default void dataQualityIssue(Rule rule) {}

  /** A write was refused because the case had moved on (optimistic concurrency). */
  default void versionConflict() {}

  /**
   * Cases changed by another writer were reloaded from the store.
   *
   * @param cases how many
   */
  default void refreshed(int cases) {}
}
