package org.mentor.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentor.core.InvalidProtocolException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.MilestoneRule.Closing;
import org.mentor.core.protocol.MilestoneRule.Satisfaction;
import org.mentor.core.protocol.MilestoneRule.Subject;

/** Reads and validates the {@code milestones} section of a protocol file, merging a parent's rules. */
final class MilestoneRules {
  private static final ImmutableSet<String> FIELDS = ImmutableSet.of("id", "subject", "anchor", "due", "windowOpens",
      "windowLead", "overdueAfterDue", "closes", "appliesWhen", "satisfiedBy", "cancelledBy",
      "catchUpOnLateRegistration", "source", "confidence");
  private static final ImmutableSet<String> TERM_FIELDS = ImmutableSet.of("anchor", "offset");
  private static final ImmutableSet<String> TEST_TYPES = ImmutableSet.of("NAT", "ANTIBODY", "AGE_APPROPRIATE");
  /** Dates a window check tries offsets on: month ends and a leap day, where calendar months clamp. */
  private static final ImmutableList<LocalDate> PROBES =
      ImmutableList.of(LocalDate.of(2023, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 8, 31), LocalDate.of(2025, 6, 15));

  private MilestoneRules() {}

  static ImmutableList<MilestoneRule> parse(JsonNode root, String file, Optional<Protocol> parent) {
    Set<String> removed = new HashSet<>();
    JsonNode remove = root.get("removeMilestones");
    if (remove != null) {
      if (!remove.isArray()) {
        throw new InvalidProtocolException(file, "removeMilestones", remove.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      for (JsonNode id : remove) {
        removed.add(id.asText());
      }
    }
    List<MilestoneRule> own = new ArrayList<>();
    JsonNode list = root.get("milestones");
    if (list != null) {
      if (!list.isArray()) {
        throw new InvalidProtocolException(file, "milestones", list.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      for (int i = 0; i < list.size(); i++) {
        own.add(rule(list.get(i), file, "milestones[" + i + "]"));
      }
    }
    Set<String> ownIds = new HashSet<>();
    own.forEach(r -> ownIds.add(r.id()));
    Map<String, List<MilestoneRule>> merged = new LinkedHashMap<>();
    parent.ifPresent(p -> p.milestones().forEach(r -> {
      if (!ownIds.contains(r.id()) && !removed.contains(r.id())) {
        merged.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
      }
    }));
    for (String id : removed) {
      if (parent.isEmpty() || parent.get().milestones().stream().noneMatch(r -> r.id().equals(id))) {
        throw new InvalidProtocolException(file, "removeMilestones", id, Rule.PROTOCOL_UNKNOWN_REFERENCE);
      }
    }
    for (int i = 0; i < own.size(); i++) {
      MilestoneRule rule = own.get(i);
      List<MilestoneRule> same = merged.computeIfAbsent(rule.id(), k -> new ArrayList<>());
      if (same.stream().anyMatch(r -> r.appliesWhen().equals(rule.appliesWhen()) && ownIds.contains(r.id()))) {
        throw new InvalidProtocolException(file, "milestones[" + i + "].id", rule.id(), Rule.PROTOCOL_DUPLICATE);
      }
      same.add(rule);
    }
    ImmutableList<MilestoneRule> all = merged.values().stream().flatMap(List::stream).collect(ImmutableList.toImmutableList());
    for (int i = 0; i < all.size(); i++) {
      MilestoneRule rule = all.get(i);
      String path = "milestones[" + rule.id() + "]";
      if (rule.closes() instanceof Closing.WhenWindowOpens w && !merged.containsKey(w.milestoneId())) {
        throw new InvalidProtocolException(file, path + ".closes.whenWindowOpens", w.milestoneId(), Rule.PROTOCOL_UNKNOWN_REFERENCE);
      }
      rule.appliesWhen().laterThanMilestone().filter(id -> !merged.containsKey(id)).ifPresent(id -> {
        throw new InvalidProtocolException(file, path + ".appliesWhen.laterThanMilestone", id, Rule.PROTOCOL_UNKNOWN_REFERENCE);
      });
    }
    return all;
  }

  private static MilestoneRule rule(JsonNode node, String file, String position) {
    String path = position;
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    ProtocolLoader.unknownFields(node, FIELDS, file, path + ".");
    String id = ProtocolLoader.text(node, "id", file, path + ".");
    path = path + "(" + id + ")";
    Subject subject = code(Subject.class, node, "subject", file, path);
    Anchor anchor = code(Anchor.class, node, "anchor", file, path);
    DueRule due = due(required(node, "due", file, path), anchor, file, path + ".due");
    Optional<Term> windowOpens = node.has("windowOpens")
        ? Optional.of(term(node.get("windowOpens"), anchor, file, path + ".windowOpens")) : Optional.empty();
    Period windowLead = node.has("windowLead") ? period(node.get("windowLead"), file, path + ".windowLead") : Period.ZERO;
    Optional<Period> overdue = Optional.of(Period.ofDays(28));
    if (node.has("overdueAfterDue")) {
      overdue = node.get("overdueAfterDue").isNull() ? Optional.empty()
          : Optional.of(period(node.get("overdueAfterDue"), file, path + ".overdueAfterDue"));
      if (overdue.isPresent() && (overdue.get().isZero() || overdue.get().isNegative())) {
        throw new InvalidProtocolException(file, path + ".overdueAfterDue", overdue.get(), Rule.PROTOCOL_WINDOW_ORDER);
      }
    }
    if (windowLead.isNegative()) {
      throw new InvalidProtocolException(file, path + ".windowLead", windowLead, Rule.PROTOCOL_WINDOW_ORDER);
    }
    if (windowOpens.isPresent()) {
      checkWindow(windowOpens.get(), due, file, path);
    }
    Closing closes = closing(node.get("closes"), anchor, file, path + ".closes");
    Condition when = condition(node.get("appliesWhen"), file, path + ".appliesWhen");
    Satisfaction satisfiedBy = satisfaction(required(node, "satisfiedBy", file, path), file, path + ".satisfiedBy");
    Set<CancelReason> cancelledBy = EnumSet.noneOf(CancelReason.class);
    JsonNode cancel = node.get("cancelledBy");
    if (cancel != null) {
      if (!cancel.isArray()) {
        throw new InvalidProtocolException(file, path + ".cancelledBy", cancel.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      for (int i = 0; i < cancel.size(); i++) {
        cancelledBy.add(enumValue(CancelReason.class, cancel.get(i).asText(), file, path + ".cancelledBy[" + i + "]"));
      }
    }
    boolean catchUp = node.has("catchUpOnLateRegistration") && bool(node.get("catchUpOnLateRegistration"), file,
        path + ".catchUpOnLateRegistration");
    Source source = ProtocolLoader.source(node, file, path);
    return new MilestoneRule(id, subject, anchor, due, windowOpens, windowLead, overdue, closes, when, satisfiedBy,
        ImmutableSet.copyOf(cancelledBy), catchUp, source);
  }

  /** The window must open on or before the due date for every anchor date (tried on month ends and a leap day). */
  private static void checkWindow(Term window, DueRule due, String file, String path) {
    if (due.combine() != DueRule.Combine.SINGLE || due.terms().get(0).anchor() != window.anchor()) {
      return;
    }
    Period dueOffset = due.terms().get(0).offset();
    for (LocalDate probe : PROBES) {
      if (probe.plus(window.offset()).isAfter(probe.plus(dueOffset))) {
        throw new InvalidProtocolException(file, path + ".windowOpens.offset",
            window.offset() + " (after the due offset " + dueOffset + ")", Rule.PROTOCOL_WINDOW_ORDER);
      }
    }
  }

  private static DueRule due(JsonNode node, Anchor anchor, String file, String path) {
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    for (String combine : List.of("latestOf", "earliestOf")) {
      if (node.has(combine)) {
        ProtocolLoader.unknownFields(node, ImmutableSet.of(combine), file, path + ".");
        JsonNode terms = node.get(combine);
        if (!terms.isArray() || terms.isEmpty() || terms.size() > 3) {
          throw new InvalidProtocolException(file, path + "." + combine, terms.toString(), Rule.PROTOCOL_WRONG_TYPE);
        }
        ImmutableList.Builder<Term> list = ImmutableList.builder();
        for (int i = 0; i < terms.size(); i++) {
          list.add(term(terms.get(i), anchor, file, path + "." + combine + "[" + i + "]"));
        }
        return new DueRule(combine.equals("latestOf") ? DueRule.Combine.LATEST_OF : DueRule.Combine.EARLIEST_OF, list.build());
      }
    }
    return new DueRule(DueRule.Combine.SINGLE, ImmutableList.of(term(node, anchor, file, path)));
  }

  private static Term term(JsonNode node, Anchor defaultAnchor, String file, String path) {
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    ProtocolLoader.unknownFields(node, TERM_FIELDS, file, path + ".");
    Anchor anchor = node.has("anchor") ? enumValue(Anchor.class, node.get("anchor").asText(), file, path + ".anchor") : defaultAnchor;
    Period offset = node.has("offset") ? period(node.get("offset"), file, path + ".offset") : Period.ZERO;
    if (offset.isNegative()) {
      throw new InvalidProtocolException(file, path + ".offset", offset, Rule.PROTOCOL_WINDOW_ORDER);
    }
    return new Term(anchor, offset);
  }

  private static Closing closing(JsonNode node, Anchor anchor, String file, String path) {
    if (node == null) {
      return new Closing.Never();
    }
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    if (node.has("whenWindowOpens")) {
      ProtocolLoader.unknownFields(node, ImmutableSet.of("whenWindowOpens"), file, path + ".");
      return new Closing.WhenWindowOpens(node.get("whenWindowOpens").asText());
    }
    if (node.has("atNextAnchor")) {
      ProtocolLoader.unknownFields(node, ImmutableSet.of("atNextAnchor"), file, path + ".");
      if (!bool(node.get("atNextAnchor"), file, path + ".atNextAnchor")) {
        throw new InvalidProtocolException(file, path + ".atNextAnchor", "false (write no closes instead)", Rule.PROTOCOL_WRONG_TYPE);
      }
      if (!anchor.isFamily()) {
        throw new InvalidProtocolException(file, path + ".atNextAnchor", anchor.name(), Rule.PROTOCOL_UNKNOWN_CODE);
      }
      return new Closing.AtNextAnchor();
    }
    return new Closing.At(term(node, anchor, file, path));
  }

  private static Condition condition(JsonNode node, String file, String path) {
    if (node == null) {
      return Condition.ALWAYS;
    }
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    ProtocolLoader.unknownFields(node, ImmutableSet.of("maternalStatusPositive", "onArtAtEnrolment", "artStartedInEpisode",
        "artStartedBeforeGestationalWeek", "delivered", "breastfeeding", "everBreastfed", "highRisk",
        "pregnancyViralLoadSuperseded", "laterThanMilestone"), file, path + ".");
    return new Condition(optionalBool(node, "maternalStatusPositive", file, path),
        optionalBool(node, "onArtAtEnrolment", file, path), optionalBool(node, "artStartedInEpisode", file, path),
        node.has("artStartedBeforeGestationalWeek") ? Optional.of(integer(node.get("artStartedBeforeGestationalWeek"), file,
            path + ".artStartedBeforeGestationalWeek")) : Optional.empty(),
        optionalBool(node, "delivered", file, path), optionalBool(node, "breastfeeding", file, path),
        optionalBool(node, "everBreastfed", file, path), optionalBool(node, "highRisk", file, path),
        optionalBool(node, "pregnancyViralLoadSuperseded", file, path),
        node.has("laterThanMilestone") ? Optional.of(node.get("laterThanMilestone").asText()) : Optional.empty());
  }

  private static Satisfaction satisfaction(JsonNode node, String file, String path) {
    if (!node.isObject()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    ProtocolLoader.unknownFields(node, ImmutableSet.of("event", "testType"), file, path + ".");
    String event = enumValue(EventKind.class, ProtocolLoader.text(node, "event", file, path + "."), file, path + ".event").name();
    Optional<String> testType = Optional.empty();
    if (node.has("testType")) {
      String type = node.get("testType").asText();
      if (!TEST_TYPES.contains(type)) {
        throw new InvalidProtocolException(file, path + ".testType", type, Rule.PROTOCOL_UNKNOWN_CODE);
      }
      testType = Optional.of(type);
    }
    return new Satisfaction(event, testType);
  }

  private static JsonNode required(JsonNode node, String field, String file, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidProtocolException(file, path + "." + field, null, Rule.PROTOCOL_MISSING_VALUE);
    }
    return value;
  }

  private static <E extends Enum<E>> E code(Class<E> type, JsonNode node, String field, String file, String path) {
    return enumValue(type, required(node, field, file, path).asText(), file, path + "." + field);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String file, String path) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidProtocolException(file, path, value, Rule.PROTOCOL_UNKNOWN_CODE);
    }
  }

  private static Period period(JsonNode node, String file, String path) {
    try {
      return Period.parse(node.isTextual() ? node.textValue() : "");
    } catch (DateTimeParseException e) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
  }

  private static Optional<Boolean> optionalBool(JsonNode node, String field, String file, String path) {
    return node.has(field) ? Optional.of(bool(node.get(field), file, path + "." + field)) : Optional.empty();
  }

  private static boolean bool(JsonNode node, String file, String path) {
    if (!node.isBoolean()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    return node.booleanValue();
  }

  private static int integer(JsonNode node, String file, String path) {
    if (!node.isInt()) {
      throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    return node.intValue();
  }
}
