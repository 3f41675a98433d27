package org.mentor.core.pathway;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mentor.core.protocol.Protocol;

/**
 * What a guard or deadline may read at one step of the replay: the protocol, the facts, the
 * memory so far, the region instance's infant (for {@link Region#INFANT}), the triggering event
 * (null for a deadline) and the date of the step.
 */
record Step(
    Protocol protocol,
    Facts facts,
    Memory memory,
    Memory.@Nullable InfantMemory infant,
    @Nullable PathwayEvent event,
    LocalDate date,
    LocalDate since,
    Replay replay) {}
