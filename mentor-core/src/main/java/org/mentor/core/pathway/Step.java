package org.mentor.core.pathway;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mentor.core.protocol.Protocol;

/**
 * What a guard may read at one step of the replay: the protocol, the facts, the memory so far,
 * the region instance's infant (for {@link Region#INFANT}), the triggering event, the date of the
 * step and the date the instance entered its state. (Deadlines read the memory and the protocol
 * only: {@link Deadline#input}.)
 *
 * <p>One instance per replay, refilled before each guard is read (guards never keep it): the
 * evaluation benchmark found a new step per test to be a tenth of its allocation.
 */
final class Step {
  private final Protocol protocol;
  private final Facts facts;
  private final Memory memory;
  private final Replay replay;
  private Memory.@Nullable InfantMemory infant;
  private @Nullable PathwayEvent event;
  private LocalDate date;
  private LocalDate since;

  Step(Protocol protocol, Facts facts, Memory memory, Replay replay, LocalDate start) {
    this.protocol = protocol;
    this.facts = facts;
    this.memory = memory;
    this.replay = replay;
    this.date = start;
    this.since = start;
  }

  Step at(Memory.@Nullable InfantMemory infant, @Nullable PathwayEvent event, LocalDate date, LocalDate since) {
    this.infant = infant;
    this.event = event;
    this.date = date;
    this.since = since;
    return this;
  }

  Protocol protocol() {
    return protocol;
  }

  Facts facts() {
    return facts;
  }

  Memory memory() {
    return memory;
  }

  Memory.@Nullable InfantMemory infant() {
    return infant;
  }

  @Nullable PathwayEvent event() {
    return event;
  }

  LocalDate date() {
    return date;
  }

  LocalDate since() {
    return since;
  }

  Replay replay() {
    return replay;
  }
}
