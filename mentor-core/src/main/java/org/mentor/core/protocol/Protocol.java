package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One version of a clinical protocol: every number and choice the engine reads, each with its
 * {@link Source}. Protocols hold numbers and choices, never logic; the strategies that read them
 * never branch on a protocol's id.
 *
 * <p>Load one with {@link ProtocolLoader}; the built-in {@code WHO_2021} is {@link #who2021()}.
 *
 * <p>Immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class Protocol {
  private final ProtocolRef ref;
  private final String title;
  private final String jurisdiction;
  private final LocalDate effectiveFrom;
  private final Optional<ProtocolRef> parent;
  private final Object[] values;
  private final Source[] sources;
  private final ImmutableList<MilestoneRule> milestones;

  Protocol(ProtocolRef ref, String title, String jurisdiction, LocalDate effectiveFrom, Optional<ProtocolRef> parent,
      Map<Key<?>, Object> values, Map<Key<?>, Source> sources, ImmutableList<MilestoneRule> milestones) {
    this.parent = requireNonNull(parent, "parent");
    this.milestones = requireNonNull(milestones, "milestones");
    this.ref = requireNonNull(ref, "ref");
    this.title = requireNonNull(title, "title");
    this.jurisdiction = requireNonNull(jurisdiction, "jurisdiction");
    this.effectiveFrom = requireNonNull(effectiveFrom, "effectiveFrom");
    int size = Key.all().size();
    this.values = new Object[size];
    this.sources = new Source[size];
    for (Key<?> key : Key.all()) {
      this.values[key.index()] = requireNonNull(values.get(key), key.name());
      this.sources[key.index()] = requireNonNull(sources.get(key), key.name());
    }
  }

  /** The built-in WHO 2021 protocol, Mentor's default (see {@link Protocols}). */
  public static Protocol who2021() {
    return Protocols.who2021();
  }

  /** The protocol this one inherits from, if any. */
  public Optional<ProtocolRef> parent() {
    return parent;
  }

  /** The milestone rules, in file order (a child's own rules replace its parent's of the same id). */
  public ImmutableList<MilestoneRule> milestones() {
    return milestones;
  }

  /** The protocol's id and version. */
  public ProtocolRef ref() {
    return ref;
  }

  /** A human-readable title. */
  public String title() {
    return title;
  }

  /** The jurisdiction, such as {@code WHO} or {@code ZA}. */
  public String jurisdiction() {
    return jurisdiction;
  }

  /** The date from which the protocol applies to new enrolments. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /**
   * Returns a value.
   *
   * @param key the value's key, not null
   * @return the value, never null (a protocol that loaded has every value)
   */
  public <T> T get(Key<T> key) {
    return key.type().cast(values[key.index()]);
  }

  /** Returns an integer value without boxing lookups on hot paths. */
  public int getInt(Key<Integer> key) {
    return (Integer) values[key.index()];
  }

  /** Returns a boolean value. */
  public boolean is(Key<Boolean> key) {
    return (Boolean) values[key.index()];
  }

  /**
   * Returns where a value comes from.
   *
   * @param key the value's key, not null
   * @return its source and confidence mark
   */
  public Source source(Key<?> key) {
    return sources[key.index()];
  }

  /** Every value with its key, in key order (for documentation and diffing). */
  public ImmutableMap<Key<?>, Object> values() {
    ImmutableMap.Builder<Key<?>, Object> builder = ImmutableMap.builder();
    for (Key<?> key : Key.all()) {
      builder.put(key, values[key.index()]);
    }
    return builder.buildOrThrow();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Protocol that
        && ref.equals(that.ref)
        && title.equals(that.title)
        && jurisdiction.equals(that.jurisdiction)
        && effectiveFrom.equals(that.effectiveFrom)
        && Arrays.equals(values, that.values)
        && Arrays.equals(sources, that.sources)
        && parent.equals(that.parent)
        && milestones.equals(that.milestones);
  }

  @Override
  public int hashCode() {
    return ref.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Protocol[" + ref + "]";
  }
}
