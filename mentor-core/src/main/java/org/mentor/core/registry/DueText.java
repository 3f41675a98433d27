package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apiguardian.api.API;
import org.mentor.core.pathway.Codes.ContactMode;

/**
 * Renders due items for people from message keys with arguments ({@code DueMessages} bundles:
 * English, and Kiswahili to prove the mechanism; a programme adds its own languages with the same
 * keys). The {@link Wording#DISCREET} wording never names HIV, ART, viral load or the programme,
 * for phones other people see.
 *
 * <pre>{@code
 * DueText text = DueText.of(Locale.ENGLISH, DueText.Wording.DISCREET);
 * text.render(item);   // "Baby's test late by 3 days (due 2025-06-12)"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class DueText {
  private static final String BUNDLE = "org.mentor.core.registry.DueMessages";

  private final Locale locale;
  private final Wording wording;
  private final ResourceBundle bundle;

  /** Whether the text may name the condition. */
  public enum Wording {
    /** Clinical wording for staff: names tests, treatment and rule ids. */
    CLINICAL,
    /** For shared phones: says "blood test", "baby's test", "clinic visit", never the condition. */
    DISCREET
  }

  private DueText(Locale locale, Wording wording) {
    this.locale = locale;
    this.wording = wording;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The wording for a language.
   *
   * @param locale the language, not null; English where the language has no bundle
   * @param wording clinical or discreet, not null
   * @return the renderer
   */
  public static DueText of(Locale locale, Wording wording) {
    return new DueText(requireNonNull(locale, "locale"), requireNonNull(wording, "wording"));
  }

  /** Clinical English. */
  public static DueText english() {
    return of(Locale.ENGLISH, Wording.CLINICAL);
  }

  /**
   * One line for a due item: what to do, since when, and for tracing, how she may be contacted.
   *
   * @param item the item, not null
   * @return the line
   */
  public String render(DueItem item) {
    requireNonNull(item, "item");
    String what = new MessageFormat(message("category." + item.category().name()), locale).format(new Object[0]); // unescapes ''
    if (wording == Wording.CLINICAL && item.ruleId().isPresent()) {
      what = what + " (" + item.ruleId().get() + ")";
    }
    String key = item.milestone().isPresent() ? "milestone." + item.action().name() : "action." + item.action().name();
    String line = new MessageFormat(message(key), locale).format(new Object[] {what, item.daysLate(), item.since().toString(),
        item.why()});
    if (item.category() == DueItem.Category.TRACING) {
      line = line + "; " + contact(item);
    }
    return line;
  }

  private String contact(DueItem item) {
    if (item.contact().isEmpty()) {
      return message("contact.none");
    }
    List<String> modes = new ArrayList<>();
    for (ContactMode mode : item.contact()) {
      modes.add(message("contact." + mode.name()));
    }
    return new MessageFormat(message("contact.some"), locale).format(new Object[] {String.join(", ", modes)});
  }

  private String message(String key) {
    String wordingKey = wording == Wording.DISCREET ? key + ".discreet" : key;
    return bundle.containsKey(wordingKey) ? bundle.getString(wordingKey) : bundle.getString(key);
  }
}
