package org.mentor.core.schedule;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import java.lang.ref.WeakReference;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.protocol.Condition;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.MilestoneRule.Closing;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Term;

/**
 * A protocol's milestone rules prepared once for the {@link Scheduler}: what it would otherwise
 * look up or parse on every call (rule ids resolved to small indexes, event kinds and test types
 * parsed, the closing kind and the conditions that read other milestones decided). Still the same
 * rules, read the same way: this is a cache of derived values, not a second interpretation.
 *
 * <p>Immutable and thread-safe.
 */
final class PreparedRules {
  /** Prepared per protocol instance (weak identity keys: protocols are few and long-lived). */
  private static final Cache<Protocol, PreparedRules> PREPARED = CacheBuilder.newBuilder().weakKeys().build();

  /** The last protocol prepared or asked for: nearly every call names the same one. */
  private static volatile @Nullable PreparedRules last;

  /** Weakly: the cache's key (a strong reference from its value would keep both forever). */
  private final WeakReference<Protocol> protocol;
  /**
   * Per infant id instance (each version of a case's facts shares it): its milestone keys, so the
   * first schedule after each new event does not build them again. A table of {@value #KEYS}
   * entries, each infant in the slot its id instance's identity hash picks; an infant whose slot
   * another takes gets its keys made again (equal strings) when next scheduled. An entry holds the
   * id weakly, so the table keeps no infant's id alive. It was a Guava cache (weak keys, bounded):
   * its lookup by every scheduler and its insertion per infant were about 2 % of a simulated pair's
   * walk. Entries are immutable but for the keys they make on first use, which racing writers make
   * equal.
   */
  private final @Nullable InfantKeys[] infantKeys = new InfantKeys[KEYS];
  private static final int KEYS = 1024;
  /** The rules, in the protocol's order. */
  final ImmutableList<Rule> rules;
  /** How many target milestone ids some rule closes on ({@code closes.whenWindowOpens}). */
  final int windowTargets;
  /** By event kind's ordinal: whether some rule is satisfied by events of that kind. */
  private final boolean[] satisfying;
  /** The protocol's {@code finalStatus.testAge}: from then an age-appropriate test is an antibody test. */
  final Period finalTestAge;
  /** The protocol's {@code viralLoad.suppressedBelow}. */
  final int suppressedBelow;

  // The few rules each step of a replan looks at (Scheduler#replan), rather than every rule each time.
  /** The rules whose windows close others ({@code closes.whenWindowOpens} names their milestone). */
  final int[] windowTargetRules;
  /** The rules that close when another's window opens. */
  final int[] closingRules;
  /** The rules that read other milestones (judged in the second pass). */
  final int[] secondPassRules;
  /** The first-pass rules of a milestone some second-pass rule must come after. */
  final int[] followedRules;

  private PreparedRules(Protocol protocol) {
    this.protocol = new WeakReference<>(protocol);
    this.finalTestAge = protocol.get(Key.FINAL_TEST_AGE);
    this.suppressedBelow = protocol.getInt(Key.VL_SUPPRESSED_BELOW);
    List<String> ids = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (MilestoneRule rule : protocol.milestones()) {
      if (!ids.contains(rule.id())) {
        ids.add(rule.id());
      }
      if (rule.closes() instanceof Closing.WhenWindowOpens next && !targets.contains(next.milestoneId())) {
        targets.add(next.milestoneId());
      }
    }
    this.windowTargets = targets.size();
    this.satisfying = new boolean[EventKind.values().length];
    ImmutableList.Builder<Rule> prepared = ImmutableList.builder();
    for (int i = 0; i < protocol.milestones().size(); i++) {
      MilestoneRule rule = protocol.milestones().get(i);
      EventKind kind = EventKind.valueOf(rule.satisfiedBy().event());
      satisfying[kind.ordinal()] = true;
      prepared.add(new Rule(rule, i, ids.indexOf(rule.id()), targets.indexOf(rule.id()), ids, targets, kind));
    }
    this.rules = prepared.build();
    this.windowTargetRules = indexes(rules, r -> r.windowTarget >= 0);
    this.closingRules = indexes(rules, r -> r.closesWhenWindowOpens >= 0);
    this.secondPassRules = indexes(rules, r -> r.secondPass);
    boolean[] followed = new boolean[rules.size()];
    for (Rule rule : rules) {
      if (rule.laterThanGroup >= 0) {
        followed[rule.laterThanGroup] = true;
      }
    }
    this.followedRules = indexes(rules, r -> !r.secondPass && followed[r.group]);
  }

  private static int[] indexes(List<Rule> rules, java.util.function.Predicate<Rule> which) {
    return rules.stream().filter(which).mapToInt(r -> r.index).toArray();
  }

  /** The protocol's prepared rules (prepared on first use). */
  static PreparedRules of(Protocol protocol) {
    PreparedRules prepared = last;
    if (prepared != null && prepared.protocol.get() == protocol) {
      return prepared;
    }
    prepared = PREPARED.getIfPresent(protocol);
    if (prepared == null) {
      prepared = new PreparedRules(protocol);
      PREPARED.put(protocol, prepared);
    }
    last = prepared;
    return prepared;
  }

  /** An infant's milestone keys (made on first use). */
  InfantKeys keysOf(InfantId infant) {
    int hash = System.identityHashCode(infant);
    int slot = (hash ^ (hash >>> 16)) & (KEYS - 1);
    InfantKeys keys = infantKeys[slot];
    if (keys == null || keys.get() != infant) {
      keys = new InfantKeys(infant, rules.size());
      infantKeys[slot] = keys;
    }
    return keys;
  }

  /** Whether some rule is satisfied by events of that kind. */
  boolean satisfies(EventKind kind) {
    return satisfying[kind.ordinal()];
  }

  /** One milestone rule and what is derived from it once. */
  static final class Rule {
    final MilestoneRule rule;
    /** Its position in the protocol: milestones with equal due dates and keys keep this order. */
    final int index;
    /** The index of its milestone id among the protocol's distinct ids (rules of one id form an OR). */
    final int group;
    final boolean forInfant;
    final boolean family;
    final Condition when;
    /** Whether {@code appliesWhen} reads other milestones, so the rule is judged after the rest. */
    final boolean secondPass;
    /** For {@code laterThanMilestone}: the group of that id; −1 when absent or no rule has that id. */
    final int laterThanGroup;
    /** For other rules' {@code closes.whenWindowOpens}: which target this rule's id is; −1 when none. */
    final int windowTarget;
    /** For {@code closes.whenWindowOpens}: which target it closes on; −1 otherwise. */
    final int closesWhenWindowOpens;
    final @Nullable Term closesAt;
    final boolean closesAtNextAnchor;
    final @Nullable Period overdueAfterDue;
    final EventKind satisfiedBy;
    /** For an infant test: {@code NAT}, {@code ANTIBODY} or {@code AGE_APPROPRIATE}; otherwise null. */
    final @Nullable String testType;
    /** {@code cancelledBy} in the file's order (a tie keeps the first). */
    final CancelReason[] cancelledBy;
    /** The parts of a case it reads: the mother's, and for an infant's rule its infant's ({@link Reads} bits). */
    final int reads;
    /**
     * What it reads other than its own anchor's dates ({@link Reads#besidesAnchor}, with its infant's
     * parts): when only a family's dates changed, its occurrences whose date and next date are as
     * before are kept.
     */
    final int readsBesidesAnchor;
    /** For a mother's rule: whether it reads every infant's feeding. */
    final boolean readsEveryInfant;
    /** Whether it can be cancelled as superseded at delivery (which the second pass reads). */
    final boolean supersededAtDelivery;
    /** The keys {@code id#n} of a mother's family occurrences made so far, by n (copied on write). */
    private volatile @Nullable String[] familyKeys = new String[0];

    @SuppressWarnings("checkstyle:ParameterNumber")
    Rule(MilestoneRule rule, int index, int group, int windowTarget, List<String> ids, List<String> targets,
        EventKind satisfiedBy) {
      this.rule = rule;
      this.index = index;
      this.group = group;
      this.windowTarget = windowTarget;
      this.forInfant = rule.subject() == MilestoneRule.Subject.INFANT;
      this.family = rule.anchor().isFamily();
      this.when = rule.appliesWhen();
      this.secondPass = when.laterThanMilestone().isPresent() || when.pregnancyViralLoadSuperseded().isPresent();
      this.laterThanGroup = when.laterThanMilestone().map(ids::indexOf).orElse(-1);
      this.closesWhenWindowOpens = rule.closes() instanceof Closing.WhenWindowOpens next ? targets.indexOf(next.milestoneId()) : -1;
      this.closesAt = rule.closes() instanceof Closing.At at ? at.term() : null;
      this.closesAtNextAnchor = rule.closes() instanceof Closing.AtNextAnchor;
      this.overdueAfterDue = rule.overdueAfterDue().orElse(null);
      this.satisfiedBy = satisfiedBy;
      this.testType = satisfiedBy == EventKind.INFANT_HIV_TESTED ? rule.satisfiedBy().testType().orElse("NAT") : null;
      this.cancelledBy = rule.cancelledBy().toArray(new CancelReason[0]);
      this.reads = Reads.of(rule) | Reads.ofInfant(rule);
      this.readsBesidesAnchor = Reads.besidesAnchor(rule) | Reads.ofInfant(rule);
      this.readsEveryInfant = Reads.readsEveryInfant(rule);
      this.supersededAtDelivery = rule.cancelledBy().contains(CancelReason.SUPERSEDED_AT_DELIVERY);
    }

    /** The key of a mother's family occurrence, {@code id#n} (made once per rule and n). */
    String familyKey(int occurrence) {
      @Nullable String[] keys = familyKeys;
      String known = occurrence < keys.length ? keys[occurrence] : null;
      if (known != null) {
        return known;
      }
      String key = rule.id() + "#" + occurrence;
      @Nullable String[] grown = Arrays.copyOf(keys, Math.max(keys.length, occurrence + 1));
      grown[occurrence] = key;
      familyKeys = grown; // copy on write: readers see an old array or a complete new one
      return key;
    }

    /** The text of an expected test type as a milestone shows it (the common ones shared). */
    static Optional<String> expectedTest(String type) {
      return switch (type) {
        case "NAT" -> NAT;
        case "ANTIBODY" -> ANTIBODY;
        default -> Optional.of(type);
      };
    }

    private static final Optional<String> NAT = Optional.of("NAT");
    private static final Optional<String> ANTIBODY = Optional.of("ANTIBODY");
  }

  /** An infant's milestone keys {@code id@infant}, made on first use; it holds the infant's id weakly. */
  static final class InfantKeys extends WeakReference<InfantId> {
    private final String suffix;
    private final @Nullable String[] byRule;

    InfantKeys(InfantId infant, int rules) {
      super(infant);
      this.suffix = "@" + infant;
      this.byRule = new String[rules];
    }

    /** The key of this infant's occurrence of a rule ({@code id#n@infant} for a family's n-th). */
    String key(Rule rule, int occurrence) {
      if (rule.family) {
        return rule.rule.id() + "#" + occurrence + suffix;
      }
      String key = byRule[rule.index];
      if (key == null) {
        key = rule.rule.id() + suffix;
        byRule[rule.index] = key; // racing writers store equal strings
      }
      return key;
    }
  }
}
