package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.pathway.Codes.HivStatus;

/**
 * The case was enrolled, usually at the first antenatal visit ({@code occurredOn}). Carries the
 * pregnancy's dating (LMP, EDD or gestational age; EDD wins over LMP: LMP := EDD − 280 days), the
 * mother's HIV status at enrolment and the protocol the case is managed under.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param motherId the mother, linking her cases, not null
 * @param protocol the protocol id and version the case is managed under, not null
 * @param hivStatus her HIV status at enrolment: POSITIVE (known or diagnosed today), NEGATIVE or UNKNOWN, not null
 * @param lmp first day of the last menstrual period, if known, not null
 * @param edd estimated date of delivery, if known (ultrasound EDD preferred), not null
 * @param gestationalAgeDays gestational age in days on the enrolment date, if neither LMP nor EDD is known, not null
 */
@API(status = STABLE, since = "0.1")
public record Enrolled(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    MotherId motherId,
    ProtocolRef protocol,
    HivStatus hivStatus,
    Optional<LocalDate> lmp,
    Optional<LocalDate> edd,
    Optional<Integer> gestationalAgeDays)
    implements PathwayEvent {
  public Enrolled {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    requireNonNull(motherId, "motherId");
    requireNonNull(protocol, "protocol");
    requireNonNull(hivStatus, "hivStatus");
    requireNonNull(lmp, "lmp");
    requireNonNull(edd, "edd");
    requireNonNull(gestationalAgeDays, "gestationalAgeDays");
    gestationalAgeDays.ifPresent(days -> {
      if (days < 0 || days > 45 * 7) {
        throw new InvalidEventException("enrolled.gestationalAgeDays", days, Rule.GESTATIONAL_AGE_RANGE);
      }
    });
    if (lmp.isPresent() && edd.isPresent()
        && Math.abs(ChronoUnit.DAYS.between(lmp.get().plusDays(280), edd.get())) > 14) {
      throw new InvalidEventException("enrolled.edd", edd.get(), Rule.DATING_CONFLICT);
    }
    lmp = Shared.date(lmp);
    edd = Shared.date(edd);
  }

  @Override
  public EventKind kind() {
    return EventKind.ENROLLED;
  }

  /**
   * The pregnancy's LMP as Mentor dates it: from the EDD if given (EDD − 280 days), else the LMP,
   * else the enrolment date minus the gestational age (clinical/README.md, date arithmetic).
   */
  public Optional<LocalDate> datedLmp() {
    if (edd.isPresent()) {
      return Optional.of(edd.get().minusDays(280));
    }
    if (lmp.isPresent()) {
      return lmp;
    }
    return gestationalAgeDays.map(days -> occurredOn.minusDays(days));
  }
}
