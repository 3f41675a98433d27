package org.mentor.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.indicators.IndicatorReport;
import org.mentor.core.indicators.Indicators;
import org.mentor.core.indicators.ReportRequest;
import org.mentor.core.indicators.ReportingPeriod;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.DueItem;
import org.mentor.core.registry.DueList;
import org.mentor.core.registry.DueQuery;
import org.mentor.core.registry.DueText;
import org.mentor.core.registry.Tier;
import org.mentor.examples.demo.ClinicSnapshot;
import org.mentor.examples.demo.DemoReport;
import org.mentor.examples.demo.ServerCheck;
import org.mentor.examples.demo.SyntheticClinic;
import org.mentor.fhir.bulk.BulkNdjson;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.store.jdbc.JdbcCaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentor demo}: the whole pathway end to end on embedded defaults — a synthetic clinic made by
 * the simulator, today's due list per mentor, the cascade and last quarter's indicators, every case
 * pushed to a real HAPI FHIR JPA server started in this process and checked there, an HTML report
 * with charts; everything it starts is stopped before it returns.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The whole pathway end to end, on embedded defaults, in about a minute: builds a synthetic clinic "
        + "(mother-infant pairs walked by the simulator through the real engine, cut at today, so cases are at every "
        + "stage), prints today's due list per mentor, the care cascade and last quarter's indicators, starts a real "
        + "HAPI FHIR JPA server in this process, pushes every case to it, reads everything back and checks it against "
        + "the server's searches (resources by type, no duplicates, every resource labelled), writes an HTML report "
        + "with charts, and stops the server.",
        "Every value is synthetic. Exits with 1 if the server does not hold exactly what was mapped."})
final class DemoCommand implements Callable<Integer> {
  /** The programme base URI the demo's FHIR identifiers are minted under. */
  static final String BASE = "https://fhir.example.org/mentor";
  /** Marks a folder as the demo's own, so a second run may replace what the first wrote. */
  static final String MARKER = ".mentor-demo";
  /** The clinic's database in the folder (an H2 file, {@code clinic.mv.db}). */
  static final String DATABASE = "clinic";
  /** Cases pushed at once: one per core, 2 to 8 (the server shares the machine). */
  static final int PUSH_CONCURRENCY = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

  @Option(names = "--cases", paramLabel = "N", defaultValue = "200",
      description = "Mother-infant pairs in the clinic, one case each (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--mentors", paramLabel = "N", defaultValue = "6",
      description = "Mentor mothers sharing the cases (default: ${DEFAULT-VALUE}).")
  int mentors;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The simulator's seed: the same seed, cases and day give the same clinic (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Today, for the clinic (default: today).")
  LocalDate asOf;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The programme's time zone (default: the system's).")
  ZoneId zone;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "mentor-demo",
      description = "The folder for the report and the clinic's database, new or from an earlier demo "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--show", paramLabel = "N", defaultValue = "5",
      description = "Due items shown per mentor here, most urgent first; the report has them all (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--server", paramLabel = "URL",
      description = "Push to this FHIR R4 server, which should hold nothing yet, instead of starting one in this process.")
  String server;

  @picocli.CommandLine.Mixin
  ProgressBars.Options progress;

  @Spec
  CommandSpec spec;

  private PrintWriter print;
  private final Stopwatch total = Stopwatch.createUnstarted();
  private ProgressBars bars;

  @Override
  public Integer call() throws IOException {
    if (cases < 1 || cases > 100_000) {
      throw new BadUsage("--cases: " + cases + " is not between 1 and 100000");
    }
    if (mentors < 1 || mentors > 99) {
      throw new BadUsage("--mentors: " + mentors + " is not between 1 and 99");
    }
    if (server != null && !server.matches("https?://\\S+")) {
      throw new BadUsage("--server: '" + server + "' is not an http:// or https:// URL");
    }
    if (show < 0) {
      throw new BadUsage("--show: " + show + " is negative");
    }
    total.start();
    print = spec.commandLine().getOut();
    bars = progress.on(spec.commandLine().getErr());
    ZoneId programmeZone = zone == null ? ZoneId.systemDefault() : zone;
    LocalDate today = asOf == null ? LocalDate.now(programmeZone) : asOf;
    Path folder = prepare(out);
    SyntheticClinic clinic = new SyntheticClinic(cases, mentors, seed, today, programmeZone);
    print.printf("Mentor demo: a synthetic clinic on %s. Every person and value is made up (seed %d).%n%n", today, seed);

    Path databaseBase = folder.resolve(DATABASE);
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + databaseBase, "sa", "");
    try {
      // The clinic's clock stands at noon today in the programme's zone: "today" is the demo's day throughout.
      Clock clock = Clock.fixed(today.atTime(12, 0).atZone(programmeZone).toInstant(), programmeZone);
      CaseRegistry registry = CaseRegistry.builder().clock(clock).store(JdbcCaseStore.create(pool)).build();
      build(clinic, registry, folder);
      ClinicSnapshot snapshot = ClinicSnapshot.of(registry, today);
      stages(snapshot);
      Map<MentorId, DueList> due = dueLists(clinic, registry, today);
      Who who = new Who(registry, today);
      DueText text = DueText.english();
      printDue(due, who, text);
      printCascade(snapshot);
      IndicatorReport indicators = Indicators.report(registry, ReportRequest.current(lastQuarter(today), today));
      print.printf("Indicators for last quarter, %s, as of %s%n%n", indicators.request().period(), today);
      ReportCommand.print(print, indicators);
      print.println();
      ServerCheck check = fhir(registry, programmeZone, today);
      DemoReport report = new DemoReport("Mentor demo: a synthetic clinic on " + today, about(clinic), snapshot,
          ImmutableSortedMap.copyOf(due), who::of, text, indicators, Optional.of(check));
      List<Path> written = report.write(folder);
      print.printf("Report: %s (with %s and %s)%n", shown(written.get(0)), written.get(1).getFileName(),
          written.get(2).getFileName());
      print.printf("The clinic stays in %s%s; try: mentor due --db %s --as-of %s --mentor %s%n", shown(databaseBase),
          CaseDatabase.SUFFIX, shown(databaseBase), today, clinic.mentorOf(1).value());
      print.printf("Done in %d s.%n", total.elapsed(TimeUnit.SECONDS));
      print.flush();
      if (!check.agrees()) {
        throw new Finding("the FHIR server does not hold exactly what was mapped: " + disagreements(check)
            + " (see the table above)");
      }
      return MentorCli.OK;
    } finally {
      pool.dispose();
    }
  }

  // --- the folder --------------------------------------------------------------------------------

  /** A new folder, an empty one, or one an earlier demo wrote (whose files are replaced); never anyone else's. */
  static Path prepare(Path out) throws IOException {
    Path folder = out.toAbsolutePath().normalize();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new BadUsage("--out: " + out + " is a file, not a folder");
    }
    if (Files.isDirectory(folder)) {
      boolean empty;
      try (Stream<Path> files = Files.list(folder)) {
        empty = files.findAny().isEmpty();
      }
      if (!empty && !Files.exists(folder.resolve(MARKER))) {
        throw new BadUsage("--out: " + out + " holds files the demo did not write; give a new or empty folder");
      }
      for (String name : List.of(DATABASE + ".mv.db", DATABASE + ".trace.db", DemoReport.PAGE, DemoReport.CASCADE_PNG,
          DemoReport.WORKLOAD_PNG)) {
        Files.deleteIfExists(folder.resolve(name));
      }
    }
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(MARKER), "Written by mentor demo; a later mentor demo replaces this folder's files.\n");
    return folder;
  }

  // --- the clinic --------------------------------------------------------------------------------

  private void build(SyntheticClinic clinic, CaseRegistry registry, Path folder) {
    Stopwatch watch = Stopwatch.createStarted();
    LocalDate start = clinic.scenario().cohortStart();
    print.printf("1. The clinic: %d mother-infant pairs booked from %s to %s, each walked through the %s pathway by "
        + "mentor-sim (the real engine decides what is due; the simulator draws who comes, when, and what the tests show), "
        + "then cut at %s.%n", cases, start, clinic.today().minusDays(1), clinic.scenario().protocol().ref(), clinic.today());
    SyntheticClinic.Built built;
    try (ProgressBars.Bar bar = bars.open("Simulating", cases, "cases")) {
      built = clinic.recordInto(registry, (done, all) -> bar.stepTo(done));
    }
    print.printf("   %,d cases, %,d events, shared by %d mentors; stored in %s (%d s)%n%n", built.cases(), built.events(),
        mentors, shown(folder.resolve(DATABASE + CaseDatabase.SUFFIX)), watch.elapsed(TimeUnit.SECONDS));
  }

  private void stages(ClinicSnapshot snapshot) {
    print.println("   Cases by stage: " + snapshot.phases().entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.getValue())
        .collect(Collectors.joining(", ")));
    print.println();
  }

  private Map<MentorId, DueList> dueLists(SyntheticClinic clinic, CaseRegistry registry, LocalDate today) {
    Map<MentorId, DueList> due = new java.util.TreeMap<>();
    for (int m = 1; m <= Math.min(mentors, cases); m++) {
      MentorId mentor = clinic.mentorOf(m);
      due.put(mentor, registry.dueList(DueQuery.mentor(mentor, today)));
    }
    return due;
  }

  private void printDue(Map<MentorId, DueList> due, Who who, DueText text) {
    print.printf("2. Today's due list per mentor, most urgent first (%d shown each; all in the report)%n%n", show);
    for (Map.Entry<MentorId, DueList> e : due.entrySet()) {
      List<DueItem> items = e.getValue().items();
      Map<Tier, Long> tiers = items.stream().collect(Collectors.groupingBy(DueItem::tier, java.util.TreeMap::new,
          Collectors.counting()));
      print.printf("%s: %d items for %d cases (%s)%n", e.getKey().value(), items.size(), e.getValue().casesEvaluated(),
          tiers.entrySet().stream().map(t -> t.getValue() + " " + t.getKey().name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")));
      Table table = new Table("TIER", "WHO", "WHAT", "DUE SINCE", "WHY");
      for (DueItem item : items.subList(0, Math.min(show, items.size()))) {
        table.row(item.tier().name(), who.of(item), text.render(item), item.since().toString(), shortWhy(item.why()));
      }
      if (!table.isEmpty()) {
        table.print(print);
      }
      print.println();
    }
  }

  /** The why up to its source citation (the report has it whole), at most 90 characters. */
  static String shortWhy(String why) {
    int source = why.indexOf("; source:");
    String shortened = source > 0 ? why.substring(0, source) : why;
    return shortened.length() <= 90 ? shortened : shortened.substring(0, 89) + "…";
  }

  private void printCascade(ClinicSnapshot snapshot) {
    print.printf("3. The care cascade on %s%n%n", snapshot.asOf());
    Table table = new Table("STEP", "COUNT", "SHARE");
    for (ClinicSnapshot.Step step : snapshot.cascade()) {
      table.row(step.name(), Integer.toString(step.count()), DemoReport.share(step));
    }
    table.print(print);
    print.println();
  }

  /** The fiscal quarter (PEPFAR: the year starts on 1 October) before the one holding the day. */
  static ReportingPeriod lastQuarter(LocalDate day) {
    int fiscalYear = day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
    int quarter = (day.getMonthValue() + 2) % 12 / 3 + 1; // October-December is Q1
    return quarter == 1 ? ReportingPeriod.fiscalQuarter(fiscalYear - 1, 4) : ReportingPeriod.fiscalQuarter(fiscalYear, quarter - 1);
  }

  // --- FHIR --------------------------------------------------------------------------------------

  private ServerCheck fhir(CaseRegistry registry, ZoneId programmeZone, LocalDate today) {
    if (server != null) {
      print.printf("4. FHIR: the server at %s%n", server);
      return pushAndCheck(registry, programmeZone, today, server);
    }
    Stopwatch watch = Stopwatch.createStarted();
    print.println("4. FHIR: starting a HAPI FHIR JPA server (R4, H2 in memory) in this process...");
    print.flush();
    int port;
    ServerCheck check;
    try (FhirTestServer embedded = FhirTestServer.builder().start()) {
      port = embedded.port();
      print.printf("   %s up (%d s)%n", embedded.baseUrl(), watch.elapsed(TimeUnit.SECONDS));
      check = pushAndCheck(registry, programmeZone, today, embedded.baseUrl());
    }
    print.printf("   FHIR server stopped; port %d %s.%n%n", port, closed(port) ? "closed" : "STILL OPEN");
    return check;
  }

  private ServerCheck pushAndCheck(CaseRegistry registry, ZoneId programmeZone, LocalDate today, String baseUrl) {
    Stopwatch watch = Stopwatch.createStarted();
    FhirContext fhir = FhirContext.forR4Cached();
    FhirMapping mapping = FhirMapping.builder(fhir, BASE).zone(programmeZone).build();
    PushReport first;
    PushReport again;
    java.util.concurrent.atomic.AtomicReference<ProgressBars.Bar> bar = new java.util.concurrent.atomic.AtomicReference<>();
    try (FhirPush push = FhirPush.builder(registry, mapping, baseUrl).concurrency(PUSH_CONCURRENCY)
        .listener((done, all) -> bar.get().stepTo(done)).build()) {
      try (ProgressBars.Bar firstBar = bars.open("Pushing", registry.size(), "cases")) {
        bar.set(firstBar);
        first = push.push();
      }
      try (ProgressBars.Bar secondBar = bars.open("Pushing again", registry.size(), "cases")) {
        bar.set(secondBar);
        again = push.push(); // the same journal: nothing has changed, so nothing is sent
      }
    }
    print.printf("   pushed %d cases, one transaction bundle each: %,d resources, %d of them the mentors' shared Practitioner "
        + "and PractitionerRole (%d s, %d retries, %d failed)%n", first.pushed(), first.resources(), first.sharedResources(),
        watch.elapsed(TimeUnit.SECONDS), first.retries(), first.failures().size() + first.sharedFailures().size());
    print.printf("   pushed again: %d cases sent, %d unchanged (nothing to send)%n", again.pushed(), again.unchanged());
    watch.reset().start();
    Map<String, Integer> mapped = mapped(registry, mapping, today);
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = fhir.newRestfulGenericClient(baseUrl);
    ServerCheck check;
    try {
      check = ServerCheck.run(client, mapped, Set.of("Patient"));
    } catch (BaseServerResponseException e) { // FhirClientConnectionException too
      throw new Finding("the FHIR server at " + baseUrl + " could not be read back: " + e.getMessage(), e);
    }
    print.printf("   read everything back and checked it against the server's searches (%d s):%n%n", watch.elapsed(TimeUnit.SECONDS));
    Table table = new Table("TYPE", "MAPPED", "ON SERVER", "READ BACK", "DUPLICATES", "LABELLED R+HIV", "");
    for (ServerCheck.TypeCheck t : check.byType().values()) {
      table.row(t.type(), Integer.toString(t.mapped()), Integer.toString(t.counted()), Integer.toString(t.readBack()),
          Integer.toString(t.duplicates()), Integer.toString(t.labelled()), t.agrees() ? "ok" : "DIFFERS");
    }
    table.row("total", Integer.toString(check.total(ServerCheck.TypeCheck::mapped)),
        Integer.toString(check.total(ServerCheck.TypeCheck::counted)), Integer.toString(check.total(ServerCheck.TypeCheck::readBack)),
        Integer.toString(check.total(ServerCheck.TypeCheck::duplicates)), Integer.toString(check.total(ServerCheck.TypeCheck::labelled)),
        check.agrees() ? "ok" : "DIFFERS");
    table.print(print);
    print.println();
    print.println(check.agrees()
        ? "   Verified: the server holds exactly what the mapping produced, once each, every resource labelled R and HIV."
        : "   NOT verified: the server differs from the mapping in the rows marked DIFFERS.");
    return check;
  }

  /** What the mapping makes of every case as of today, counted by type (a mentor's shared resources once). */
  private static Map<String, Integer> mapped(CaseRegistry registry, FhirMapping mapping, LocalDate today) {
    List<CaseFile> files = new ArrayList<>();
    for (CaseId id : registry.caseIds()) {
      files.add(registry.file(id));
    }
    return new BulkNdjson(mapping).export(files,
        file -> registry.protocol(file.facts().protocol().orElseThrow()).orElseThrow(), today, type -> Writer.nullWriter());
  }

  /** A path as the user would type it: relative to the working folder when under it. */
  static String shown(Path path) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  /** Whether nothing listens on the port any more. */
  static boolean closed(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String disagreements(ServerCheck check) {
    return check.byType().values().stream().filter(t -> !t.agrees())
        .map(t -> t.type() + " " + t.mapped() + " mapped, " + t.counted() + " on the server, " + t.duplicates() + " duplicates")
        .collect(Collectors.joining("; "));
  }

  private ImmutableList<String> about(SyntheticClinic clinic) {
    return ImmutableList.of(
        cases + " mother-infant pairs made by mentor-sim under " + clinic.scenario().protocol().ref() + " (seed " + seed
            + "), booked from " + clinic.scenario().cohortStart() + ", cut at " + clinic.today() + "; "
            + mentors + " mentors",
        "Run again with: mentor demo --cases " + cases + " --mentors " + mentors + " --seed " + seed + " --as-of " + clinic.today(),
        "The simulator's parameters and their sources: docs/simulation.md; the protocol's values: docs/protocols/");
  }

  /** Names the person a due item is about: {@code case-0017 mother}, {@code case-0017 infant 1}. */
  static final class Who {
    private final CaseRegistry registry;
    private final LocalDate today;
    private final Map<CaseId, List<InfantId>> infants = new HashMap<>();

    Who(CaseRegistry registry, LocalDate today) {
      this.registry = registry;
      this.today = today;
    }

    String of(DueItem item) {
      if (item.infantId().isEmpty()) {
        return item.caseId().value() + " mother";
      }
      List<InfantId> born = infants.computeIfAbsent(item.caseId(),
          id -> registry.state(id, today).infants().stream().map(InfantState::infantId).toList());
      return item.caseId().value() + " infant " + (born.indexOf(item.infantId().get()) + 1);
    }
  }
}
