package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.schedule.MilestoneState;

/**
 * One line of a due list: who, what, since when, how urgent and why. Carries identifiers, never
 * names; render it for people with {@link DueText}.
 *
 * @param caseId the case
 * @param motherId the mother
 * @param infantId the infant concerned, or empty for the mother
 * @param action what to do
 * @param category what kind of care it is about (for wording, and to word it without naming HIV)
 * @param milestone the milestone's key for a milestone item (such as {@code NAT_6W@infant})
 * @param ruleId the milestone rule's id for a milestone item
 * @param since the due date of a milestone; since when, for any other item
 * @param daysLate days past {@code since} on the due list's day (0 when not yet due)
 * @param state the milestone's state, for a milestone item
 * @param tier how urgent
 * @param why the explanation (rule, anchor, protocol value and source, or the state's transition)
 * @param assignment the mentor and facility responsible on the day
 * @param contact for a tracing item: the channels the mother has agreed to (empty: only at her
 *     next clinic visit); never a channel she has not agreed to
 */
@API(status = STABLE, since = "0.1")
public record DueItem(
    CaseId caseId,
    MotherId motherId,
    Optional<InfantId> infantId,
    Attention.Kind action,
    Category category,
    Optional<String> milestone,
    Optional<String> ruleId,
    LocalDate since,
    long daysLate,
    Optional<MilestoneState> state,
    Tier tier,
    String why,
    Assignment assignment,
    ImmutableSet<ContactMode> contact) {
  public DueItem {
    requireNonNull(caseId, "caseId");
    requireNonNull(motherId, "motherId");
    requireNonNull(infantId, "infantId");
    requireNonNull(action, "action");
    requireNonNull(category, "category");
    requireNonNull(milestone, "milestone");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(since, "since");
    requireNonNull(state, "state");
    requireNonNull(tier, "tier");
    requireNonNull(why, "why");
    requireNonNull(assignment, "assignment");
    contact = ImmutableSet.copyOf(requireNonNull(contact, "contact"));
  }

  /** What an item is about, for wording. */
  public enum Category {
    INFANT_TEST,
    INFANT_MEDICINE,
    INFANT_CARE,
    VIRAL_LOAD,
    MATERNAL_TEST,
    TREATMENT,
    ADHERENCE,
    VISIT,
    TRACING,
    DATA
  }
}
