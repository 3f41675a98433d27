package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * One pair's outcome in one arm: one row of the per-pair CSV.
 *
 * @param pair the pair index (0-based)
 * @param arm the scenario's name
 * @param statusAtBooking {@code ON_ART}, {@code DIAGNOSED} or {@code NEGATIVE}
 * @param booking the booking (enrolment) date
 * @param delivery the delivery date (truth; recorded only if she was in care then or came back)
 * @param motherPositiveAtDelivery she had HIV at delivery (truth)
 * @param onArtAtDelivery she took ART at delivery (truth)
 * @param vlAtDelivery her true viral load band at delivery ({@code BELOW_50}, {@code FROM_50_TO_1000},
 *     {@code ABOVE_1000}), or {@code NONE} without HIV
 * @param everLost she was lost to follow-up at some point before the walk ended
 * @param motherDied she died before the walk ended
 * @param infants each infant's outcome
 * @param milestonesOnTime milestones done by their due date
 * @param milestonesLate milestones done after their due date
 * @param milestonesMissed milestones missed (closed unmet, or still open when the walk ended)
 * @param visits clinic contacts (booking, visits, delivery, returns)
 * @param events events recorded through the registry
 * @param endedOn the day the walk ended (case closed, horizon, or nothing more to happen)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PairOutcome(long pair, String arm, String statusAtBooking, LocalDate booking, LocalDate delivery,
    boolean motherPositiveAtDelivery, boolean onArtAtDelivery, String vlAtDelivery, boolean everLost,
    boolean motherDied, ImmutableList<InfantOutcome> infants, int milestonesOnTime, int milestonesLate,
    int milestonesMissed, int visits, int events, LocalDate endedOn) {
  public PairOutcome {
    requireNonNull(arm, "arm");
    requireNonNull(statusAtBooking, "statusAtBooking");
    requireNonNull(booking, "booking");
    requireNonNull(delivery, "delivery");
    requireNonNull(vlAtDelivery, "vlAtDelivery");
    infants = ImmutableList.copyOf(requireNonNull(infants, "infants"));
    requireNonNull(endedOn, "endedOn");
  }

  /** Whether any infant is HIV-exposed. */
  public boolean anyExposed() {
    return infants.stream().anyMatch(InfantOutcome::exposed);
  }

  /** The CSV header matching {@link #csvRow()}. */
  public static String csvHeader() {
    return "arm,pair,status_at_booking,booking,delivery,mother_positive_at_delivery,on_art_at_delivery,vl_at_delivery,"
        + "ever_lost,mother_died,infants,exposed,registered,infected,infection_age_days,infection_period,"
        + "first_nat_age_days,final_outcome,infant_died,infected_2,final_outcome_2,milestones_on_time,milestones_late,"
        + "milestones_missed,visits,events,ended_on";
  }

  /** One CSV row (first infant in full, a twin's infection and outcome in the _2 columns). */
  public String csvRow() {
    InfantOutcome a = infants.get(0);
    InfantOutcome b = infants.size() > 1 ? infants.get(1) : null;
    return Csv.field(arm) + ',' + pair + ',' + statusAtBooking + ',' + booking + ',' + delivery + ','
        + motherPositiveAtDelivery + ',' + onArtAtDelivery + ',' + vlAtDelivery + ',' + everLost + ',' + motherDied + ','
        + infants.size() + ',' + a.exposed() + ',' + a.registered() + ',' + a.infected() + ',' + a.infectionAgeDays()
        + ',' + a.infectionPeriod() + ',' + a.firstNatAgeDays() + ',' + a.finalOutcome() + ',' + a.died() + ','
        + (b == null ? "" : String.valueOf(b.infected())) + ',' + (b == null ? "" : b.finalOutcome()) + ','
        + milestonesOnTime + ',' + milestonesLate + ',' + milestonesMissed + ',' + visits + ',' + events + ',' + endedOn;
  }
}
