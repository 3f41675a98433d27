package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A state of one {@link Region}; each region's states are an enum implementing this (immutable constants). */
@API(status = STABLE, since = "0.1")
public sealed interface PathwayState
    permits Phase, ArtStatus, ViralLoadStatus, AdherenceBand, Retention, InfantStatus {

  /** The region the state belongs to. */
  Region region();

  /** The state's name, as in the diagram. */
  String name();

  /** What the state means, for people. */
  String meaning();
}
