package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A milestone rule's {@code appliesWhen}: an AND of typed facts (DESIGN.md §3). An absent field
 * is not checked; an OR is two rules with the same milestone id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maternalStatusPositive whether the mother must (true) or must not (false) be known positive
 * @param onArtAtEnrolment whether ART must have started before the first antenatal visit
 * @param artStartedInEpisode whether ART must have started in this pregnancy or breastfeeding period
 * @param artStartedBeforeGestationalWeek ART must have started before this gestational week
 * @param delivered whether the delivery must (not) have happened
 * @param breastfeeding whether the infant (for a mother's milestone: any infant) must (not) be breastfeeding
 * @param everBreastfed whether the infant must (not) ever have been breastfed
 * @param highRisk whether the infant must (not) be high risk
 * @param pregnancyViralLoadSuperseded whether a pregnancy viral-load milestone must (not) have been superseded at delivery
 * @param laterThanMilestone this milestone applies only when its due date falls after that milestone's
 */
@API(status = STABLE, since = "0.1")
public record Condition(
    Optional<Boolean> maternalStatusPositive,
    Optional<Boolean> onArtAtEnrolment,
    Optional<Boolean> artStartedInEpisode,
    Optional<Integer> artStartedBeforeGestationalWeek,
    Optional<Boolean> delivered,
    Optional<Boolean> breastfeeding,
    Optional<Boolean> everBreastfed,
    Optional<Boolean> highRisk,
    Optional<Boolean> pregnancyViralLoadSuperseded,
    Optional<String> laterThanMilestone) {

  /** A condition that always holds. */
  public static final Condition ALWAYS = new Condition(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public Condition {
    requireNonNull(maternalStatusPositive, "maternalStatusPositive");
    requireNonNull(onArtAtEnrolment, "onArtAtEnrolment");
    requireNonNull(artStartedInEpisode, "artStartedInEpisode");
    requireNonNull(artStartedBeforeGestationalWeek, "artStartedBeforeGestationalWeek");
    requireNonNull(delivered, "delivered");
    requireNonNull(breastfeeding, "breastfeeding");
    requireNonNull(everBreastfed, "everBreastfed");
    requireNonNull(highRisk, "highRisk");
    requireNonNull(pregnancyViralLoadSuperseded, "pregnancyViralLoadSuperseded");
    requireNonNull(laterThanMilestone, "laterThanMilestone");
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    maternalStatusPositive.ifPresent(v -> parts.add("maternalStatusPositive=" + v));
    onArtAtEnrolment.ifPresent(v -> parts.add("onArtAtEnrolment=" + v));
    artStartedInEpisode.ifPresent(v -> parts.add("artStartedInEpisode=" + v));
    artStartedBeforeGestationalWeek.ifPresent(v -> parts.add("artStartedBeforeGestationalWeek=" + v));
    delivered.ifPresent(v -> parts.add("delivered=" + v));
    breastfeeding.ifPresent(v -> parts.add("breastfeeding=" + v));
    everBreastfed.ifPresent(v -> parts.add("everBreastfed=" + v));
    highRisk.ifPresent(v -> parts.add("highRisk=" + v));
    pregnancyViralLoadSuperseded.ifPresent(v -> parts.add("pregnancyViralLoadSuperseded=" + v));
    laterThanMilestone.ifPresent(v -> parts.add("laterThanMilestone=" + v));
    return parts.isEmpty() ? "always" : String.join(" and ", parts);
  }
}
