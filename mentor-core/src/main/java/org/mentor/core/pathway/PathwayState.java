package org.mentor.core.pathway;

/** A state of one {@link Region}; each region's states are an enum implementing this (immutable constants). */
public sealed interface PathwayState
    permits Phase, ArtStatus, ViralLoadStatus, AdherenceBand, Retention, InfantStatus {

  /** The region the state belongs to. */
  Region region();

  /** The state's name, as in the diagram. */
  String name();

  /** What the state means, for people. */
  String meaning();
}
