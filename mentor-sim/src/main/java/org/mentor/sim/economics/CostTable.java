package org.mentor.sim.economics;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.SimRule;

/**
 * The unit costs and the valuation of a prevented infection, each with its source and confidence
 * mark, read from a JSON file shaped like {@code org/mentor/sim/economics/costs.json} (the default,
 * transmission.md §9). Costs keep the price year their source reports in; {@link #price} converts
 * them to the table's price year with its deflator.
 *
 * <pre>{@code
 * CostTable costs = CostTable.defaults();
 * double nat = costs.price(CostItem.NAT);                        // 2015 US$
 * CostTable cheaperNat = costs.with(CostItem.NAT, 23.85);        // in the source's own price year
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CostTable {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final String RESOURCE = "/org/mentor/sim/economics/costs.json";
  private static final Set<String> COST_FIELDS = Set.of("value", "low", "high", "priceYear", "unit", "source", "confidence");

  private final String id;
  private final String version;
  private final int priceYear;
  private final Sourced priceYearNote;
  private final Deflator deflator;
  private final Valuation valuation;
  private final ImmutableList<Double> discountRates;
  private final ImmutableList<Integer> treatmentYears;
  private final ImmutableSortedMap<String, Sourced> valuationNotes;
  private final Map<CostItem, UnitCost> costs;

  /**
   * A source and confidence mark for a value that is not a cost.
   *
   * @param value the value as text
   * @param source where it comes from
   * @param confidence its confidence mark
   */
  public record Sourced(String value, String source, String confidence) {
    public Sourced {
      requireNonNull(value, "value");
      requireNonNull(source, "source");
      requireNonNull(confidence, "confidence");
    }
  }

  private CostTable(String id, String version, int priceYear, Sourced priceYearNote, Deflator deflator, Valuation valuation,
      ImmutableList<Double> discountRates, ImmutableList<Integer> treatmentYears, ImmutableSortedMap<String, Sourced> notes,
      Map<CostItem, UnitCost> costs) {
    this.id = id;
    this.version = version;
    this.priceYear = priceYear;
    this.priceYearNote = priceYearNote;
    this.deflator = deflator;
    this.valuation = valuation;
    this.discountRates = discountRates;
    this.treatmentYears = treatmentYears;
    this.valuationNotes = notes;
    this.costs = Maps.immutableEnumMap(costs);
    if (!deflator.covers(priceYear)) {
      throw new InvalidScenarioException("priceYear", priceYear, SimRule.COST_POSSIBLE);
    }
    for (UnitCost c : costs.values()) {
      if (!deflator.covers(c.priceYear())) {
        throw new InvalidScenarioException("costs." + c.item().key() + ".priceYear", c.priceYear(), SimRule.COST_POSSIBLE);
      }
    }
  }

  /** The costs of transmission.md §9 ({@code costs.json} in this package). */
  public static CostTable defaults() {
    return Defaults.TABLE;
  }

  private static final class Defaults {
    static final CostTable TABLE = load();

    private static CostTable load() {
      try (InputStream in = CostTable.class.getResourceAsStream(RESOURCE)) {
        return read(requireNonNull(in, RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads a cost file.
   *
   * @param json the JSON text, not null
   * @return the table
   * @throws InvalidScenarioException naming the first field that breaks a rule (SIM-013, SIM-014, SIM-015)
   */
  public static CostTable read(String json) {
    requireNonNull(json, "json");
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new InvalidScenarioException("costs", "malformed JSON", SimRule.COST_FILE_WELL_FORMED);
    }
  }

  /**
   * Reads a cost file from a stream (UTF-8 JSON).
   *
   * @param in the stream, not null; not closed
   * @return the table
   * @throws InvalidScenarioException naming the first field that breaks a rule
   */
  public static CostTable read(InputStream in) {
    requireNonNull(in, "in");
    try {
      return fromTree(MAPPER.readTree(in));
    } catch (JsonProcessingException e) {
      throw new InvalidScenarioException("costs", "malformed JSON", SimRule.COST_FILE_WELL_FORMED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a cost file.
   *
   * @param file the file, not null
   * @return the table
   * @throws InvalidScenarioException naming the first field that breaks a rule
   */
  public static CostTable read(Path file) {
    try (InputStream in = Files.newInputStream(requireNonNull(file, "file"))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's id and version, for outputs. */
  public String id() {
    return id + " v" + version;
  }

  /** The year of the US$ every {@link #price} is given in. */
  public int priceYear() {
    return priceYear;
  }

  /** Why that price year. */
  public Sourced priceYearNote() {
    return priceYearNote;
  }

  /** The price index used to convert between years. */
  public Deflator deflator() {
    return deflator;
  }

  /** The default valuation of a prevented infection (discount rate, years of treatment, mortality). */
  public Valuation valuation() {
    return valuation;
  }

  /** The discount rates of the sensitivity analysis, the default first (C20: 3 %, then 0 % and 5 %). */
  public ImmutableList<Double> discountRates() {
    return discountRates;
  }

  /** The treatment horizons of the sensitivity analysis, the default first (C19: 10 years, then 40). */
  public ImmutableList<Integer> treatmentYears() {
    return treatmentYears;
  }

  /** The sources of the valuation's values, by name ({@code discountRate}, {@code treatmentYears}, {@code annualMortality}). */
  public ImmutableSortedMap<String, Sourced> valuationNotes() {
    return valuationNotes;
  }

  /** One unit cost as its source gives it. */
  public UnitCost cost(CostItem item) {
    return costs.get(requireNonNull(item, "item"));
  }

  /** Every unit cost, in {@link CostItem} order. */
  public ImmutableList<UnitCost> costs() {
    return ImmutableList.copyOf(costs.values());
  }

  /**
   * A unit cost in US$ of {@link #priceYear()}.
   *
   * @param item the item, not null
   * @return the cost, converted with the deflator
   */
  public double price(CostItem item) {
    UnitCost c = cost(item);
    return c.value() * deflator.factor(c.priceYear(), priceYear);
  }

  /**
   * The same table with one cost changed.
   *
   * @param item the item, not null
   * @param value the new value, in the source's own price year, within its range
   * @return the table
   * @throws InvalidScenarioException if the value is outside the cost's range (SIM-014)
   */
  public CostTable with(CostItem item, double value) {
    Map<CostItem, UnitCost> changed = new EnumMap<>(costs);
    changed.put(item, cost(item).withValue(value));
    return new CostTable(id, version, priceYear, priceYearNote, deflator, valuation, discountRates, treatmentYears,
        valuationNotes, changed);
  }

  /**
   * The same table with another default valuation.
   *
   * @param v the valuation, not null
   * @return the table
   */
  public CostTable with(Valuation v) {
    return new CostTable(id, version, priceYear, priceYearNote, deflator, requireNonNull(v, "v"), discountRates,
        treatmentYears, valuationNotes, costs);
  }

  /**
   * The unit costs as a Markdown table: item, value and range in the source's year, the value in the
   * table's price year, unit, source and confidence.
   */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("| Cost | Value (range) | Price year | ").append(priceYear).append(" US$ | Unit | Source | Confidence |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (UnitCost c : costs.values()) {
      out.append("| `").append(c.item().key()).append("` | ").append(money(c.value())).append(" (")
          .append(money(c.low())).append("–").append(money(c.high())).append(") | ").append(c.priceYear()).append(" | ")
          .append(money(price(c.item()))).append(" | ").append(c.unit()).append(" | ").append(c.source()).append(" | ")
          .append(c.confidence()).append(" |\n");
    }
    return out.toString();
  }

  /**
   * The valuation and the price year as a Markdown table: the discount rate, the years of treatment and
   * the child's mortality with their sensitivity values, the price year and the deflator, each with its
   * source and confidence.
   */
  public String valuationTable() {
    StringBuilder out = new StringBuilder("| Value | Default | Sensitivity | Source | Confidence |\n|---|---|---|---|---|\n");
    Sourced rate = valuationNotes.get("discountRate");
    Sourced years = valuationNotes.get("treatmentYears");
    Sourced mortality = valuationNotes.get("annualMortality");
    out.append("| discount rate | ").append(percent(valuation.discountRate())).append(" | ")
        .append(discountRates.subList(1, discountRates.size()).stream().map(CostTable::percent).reduce((a, b) -> a + ", " + b)
            .orElse("—")).append(" | ").append(rate.source()).append(" | ").append(rate.confidence()).append(" |\n");
    out.append("| years of treatment counted | ").append(valuation.treatmentYears()).append(" | ")
        .append(treatmentYears.subList(1, treatmentYears.size()).stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
            .orElse("—")).append(" | ").append(years.source()).append(" | ").append(years.confidence()).append(" |\n");
    out.append("| infected child's yearly mortality | ").append(percent(valuation.annualMortality())).append(" | — | ")
        .append(mortality.source()).append(" | ").append(mortality.confidence()).append(" |\n");
    out.append("| price year | ").append(priceYear).append(" | — | ").append(priceYearNote.source()).append(" | ")
        .append(priceYearNote.confidence()).append(" |\n");
    out.append("| deflator | ").append(deflator.name()).append(": ");
    deflator.index().forEach((year, value) -> out.append(year).append(' ').append(value).append("; "));
    out.setLength(out.length() - 2);
    out.append(" | — | ").append(deflator.source()).append(" | ").append(deflator.confidence()).append(" |\n");
    return out.toString();
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * v);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
  }

  // --- reading ----------------------------------------------------------------------------------

  private static CostTable fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidScenarioException("costs", "not an object", SimRule.COST_FILE_WELL_FORMED);
    }
    allowed(root, "", Set.of("id", "version", "title", "currency", "priceYear", "deflator", "valuation", "costs"));
    String id = text(root, "id", "id");
    String version = text(root, "version", "version");
    if (!"USD".equals(text(root, "currency", "currency"))) {
      throw new InvalidScenarioException("currency", root.get("currency").asText(), SimRule.COST_FILE_WELL_FORMED);
    }
    JsonNode year = object(root, "priceYear", "priceYear");
    allowed(year, "priceYear.", Set.of("value", "source", "confidence"));
    int priceYear = whole(year, "value", "priceYear.value");
    Sourced priceYearNote = new Sourced(String.valueOf(priceYear), text(year, "source", "priceYear.source"),
        text(year, "confidence", "priceYear.confidence"));

    JsonNode d = object(root, "deflator", "deflator");
    allowed(d, "deflator.", Set.of("name", "source", "confidence", "index"));
    TreeMap<Integer, Double> index = new TreeMap<>();
    JsonNode idx = object(d, "index", "deflator.index");
    for (Iterator<Map.Entry<String, JsonNode>> it = idx.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int y;
      try {
        y = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new InvalidScenarioException("deflator.index." + e.getKey(), e.getKey(), SimRule.COST_FILE_WELL_FORMED);
      }
      index.put(y, number(idx, e.getKey(), "deflator.index." + e.getKey()));
    }
    Deflator deflator = new Deflator(text(d, "name", "deflator.name"), text(d, "source", "deflator.source"),
        text(d, "confidence", "deflator.confidence"), ImmutableSortedMap.copyOf(index));

    JsonNode v = object(root, "valuation", "valuation");
    allowed(v, "valuation.", Set.of("discountRate", "treatmentYears", "annualMortality"));
    JsonNode rate = object(v, "discountRate", "valuation.discountRate");
    JsonNode years = object(v, "treatmentYears", "valuation.treatmentYears");
    JsonNode mortality = object(v, "annualMortality", "valuation.annualMortality");
    allowed(rate, "valuation.discountRate.", Set.of("value", "sensitivity", "source", "confidence"));
    allowed(years, "valuation.treatmentYears.", Set.of("value", "sensitivity", "source", "confidence"));
    allowed(mortality, "valuation.annualMortality.", Set.of("value", "source", "confidence"));
    Valuation valuation = new Valuation(number(rate, "value", "valuation.discountRate.value"),
        whole(years, "value", "valuation.treatmentYears.value"), number(mortality, "value", "valuation.annualMortality.value"));
    ImmutableList.Builder<Double> rates = ImmutableList.<Double>builder().add(valuation.discountRate());
    for (JsonNode r : array(rate, "sensitivity", "valuation.discountRate.sensitivity")) {
      double value = numberOf(r, "valuation.discountRate.sensitivity");
      rates.add(valuation.withDiscountRate(value).discountRate()); // checked as a valuation (SIM-015)
    }
    ImmutableList.Builder<Integer> horizons = ImmutableList.<Integer>builder().add(valuation.treatmentYears());
    for (JsonNode h : array(years, "sensitivity", "valuation.treatmentYears.sensitivity")) {
      if (!h.isIntegralNumber()) {
        throw new InvalidScenarioException("valuation.treatmentYears.sensitivity", h.toString(), SimRule.COST_FILE_WELL_FORMED);
      }
      horizons.add(valuation.withTreatmentYears(h.intValue()).treatmentYears());
    }
    ImmutableSortedMap<String, Sourced> notes = ImmutableSortedMap.of(
        "annualMortality", note(mortality, "valuation.annualMortality", String.valueOf(valuation.annualMortality())),
        "discountRate", note(rate, "valuation.discountRate", String.valueOf(valuation.discountRate())),
        "treatmentYears", note(years, "valuation.treatmentYears", String.valueOf(valuation.treatmentYears())));

    JsonNode c = object(root, "costs", "costs");
    Map<CostItem, UnitCost> costs = new EnumMap<>(CostItem.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "costs." + e.getKey();
      CostItem item = CostItem.byKey(e.getKey())
          .orElseThrow(() -> new InvalidScenarioException(field, null, SimRule.COST_FILE_WELL_FORMED));
      JsonNode n = e.getValue();
      if (!n.isObject()) {
        throw new InvalidScenarioException(field, n.getNodeType().name(), SimRule.COST_FILE_WELL_FORMED);
      }
      allowed(n, field + ".", COST_FIELDS);
      costs.put(item, new UnitCost(item, number(n, "value", field + ".value"), number(n, "low", field + ".low"),
          number(n, "high", field + ".high"), whole(n, "priceYear", field + ".priceYear"), text(n, "unit", field + ".unit"),
          text(n, "source", field + ".source"), text(n, "confidence", field + ".confidence")));
    }
    for (CostItem item : CostItem.values()) {
      if (!costs.containsKey(item)) {
        throw new InvalidScenarioException("costs." + item.key(), "missing", SimRule.COST_FILE_WELL_FORMED);
      }
    }
    return new CostTable(id, version, priceYear, priceYearNote, deflator, valuation, rates.build(), horizons.build(), notes,
        costs);
  }

  private static Sourced note(JsonNode n, String field, String value) {
    return new Sourced(value, text(n, "source", field + ".source"), text(n, "confidence", field + ".confidence"));
  }

  private static void allowed(JsonNode n, String prefix, Set<String> names) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new InvalidScenarioException(prefix + name, null, SimRule.COST_FILE_WELL_FORMED);
      }
    }
  }

  private static JsonNode object(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isObject()) {
      throw new InvalidScenarioException(field, v == null ? "missing" : v.getNodeType().name(), SimRule.COST_FILE_WELL_FORMED);
    }
    return v;
  }

  private static JsonNode array(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isArray()) {
      throw new InvalidScenarioException(field, v == null ? "missing" : v.getNodeType().name(), SimRule.COST_FILE_WELL_FORMED);
    }
    return v;
  }

  private static String text(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new InvalidScenarioException(field, v == null ? "missing" : v.getNodeType().name(), SimRule.COST_FILE_WELL_FORMED);
    }
    return v.asText();
  }

  private static double number(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null) {
      throw new InvalidScenarioException(field, "missing", SimRule.COST_FILE_WELL_FORMED);
    }
    return numberOf(v, field);
  }

  private static double numberOf(JsonNode v, String field) {
    if (!v.isNumber()) {
      throw new InvalidScenarioException(field, v.toString(), SimRule.COST_FILE_WELL_FORMED);
    }
    return v.doubleValue();
  }

  private static int whole(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidScenarioException(field, v == null ? "missing" : v.toString(), SimRule.COST_FILE_WELL_FORMED);
    }
    return v.intValue();
  }
}
