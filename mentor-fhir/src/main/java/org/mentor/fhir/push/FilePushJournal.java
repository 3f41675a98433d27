package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * A {@link PushJournal} in a file that survives a crash: an append-only log of lines, each written and forced to the
 * device ({@link FileChannel#force}) before the call returns. Opening it reads the log (a last line cut short by a
 * crash is ignored: that write never returned) and rewrites it compacted, one or a few lines per case.
 *
 * <p>Line format, tab-separated: {@code S|C}, the case id (URL-encoded), the case version, the as-of date, the
 * content hash. {@code S} is {@link #sending}, {@code C} is {@link #confirm}. A shared resource confirmed
 * ({@link #confirmShared}) is {@code R}, its {@code Type/id} (URL-encoded), its content hash. The file holds case ids,
 * resource ids and hashes, never clinical data; keep it with the application's other data. One process at a time may open a file.
 *
 * <p>Thread-safe; {@link #close()} releases the file.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FilePushJournal implements PushJournal, AutoCloseable {
  private final Path file;
  private final InMemoryPushJournal state = new InMemoryPushJournal();
  private final List<CaseId> order = new ArrayList<>();
  private FileChannel channel;

  private FilePushJournal(Path file) {
    this.file = file;
  }

  /**
   * Opens a journal, creating the file if absent.
   *
   * @param file the journal's file, not null; its directory must exist
   * @return the journal
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalArgumentException if a complete line of the file is malformed (naming the line number)
   */
  public static FilePushJournal open(Path file) {
    FilePushJournal journal = new FilePushJournal(requireNonNull(file, "file"));
    try {
      journal.load();
      journal.compact();
      journal.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the push journal", e);
    }
    return journal;
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    // The last element is "" after a final newline, or a line cut short by a crash: ignored either way.
    for (int i = 0; i < lines.length - 1; i++) {
      apply(lines[i], i + 1);
    }
  }

  private void apply(String line, int number) {
    String[] f = line.split("\t", -1);
    if (f.length == 3 && f[0].equals("R")) {
      try {
        state.confirmShared(URLDecoder.decode(f[1], StandardCharsets.UTF_8), f[2]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("push journal line " + number + " has a malformed field", e);
      }
      return;
    }
    if (f.length != 5 || !(f[0].equals("S") || f[0].equals("C"))) {
      throw new IllegalArgumentException("push journal line " + number + " is neither S|C<tab>case<tab>version<tab>date<tab>hash nor R<tab>resource<tab>hash");
    }
    CaseId caseId;
    PushRecord record;
    try {
      caseId = CaseId.of(URLDecoder.decode(f[1], StandardCharsets.UTF_8));
      record = new PushRecord(Long.parseLong(f[2]), LocalDate.parse(f[3]), f[4]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("push journal line " + number + " has a malformed field", e);
    }
    if (state.confirmed(caseId).isEmpty() && state.unconfirmed(caseId).isEmpty()) {
      order.add(caseId);
    }
    if (f[0].equals("S")) {
      state.sending(caseId, record);
    } else {
      state.confirm(caseId, record);
    }
  }

  private void compact() throws IOException {
    StringBuilder out = new StringBuilder();
    for (CaseId caseId : order) {
      state.confirmed(caseId).ifPresent(r -> out.append(line("C", caseId, r)));
      state.unconfirmed(caseId).forEach(r -> out.append(line("S", caseId, r)));
    }
    new java.util.TreeMap<>(state.sharedConfirmed()).forEach((resource, hash) -> out.append(sharedLine(resource, hash)));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      write(c, out.toString());
      c.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String line(String kind, CaseId caseId, PushRecord r) {
    return kind + "\t" + URLEncoder.encode(caseId.value(), StandardCharsets.UTF_8) + "\t" + r.caseVersion() + "\t" + r.asOf()
        + "\t" + r.contentHash() + "\n";
  }

  private static String sharedLine(String resource, String hash) {
    return "R\t" + URLEncoder.encode(resource, StandardCharsets.UTF_8) + "\t" + hash + "\n";
  }

  private static void write(FileChannel c, String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      c.write(buffer);
    }
  }

  private synchronized void append(String kind, CaseId caseId, PushRecord record) {
    append(line(kind, caseId, record));
  }

  private synchronized void append(String line) {
    try {
      write(channel, line);
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the push journal", e);
    }
  }

  @Override
  public Optional<PushRecord> confirmed(CaseId caseId) {
    return state.confirmed(caseId);
  }

  @Override
  public ImmutableList<PushRecord> unconfirmed(CaseId caseId) {
    return state.unconfirmed(caseId);
  }

  @Override
  public void sending(CaseId caseId, PushRecord record) {
    requireNonNull(caseId, "caseId");
    requireNonNull(record, "record");
    append("S", caseId, record); // durable first: a crash after this line still knows the request may have gone
    state.sending(caseId, record);
  }

  @Override
  public void confirm(CaseId caseId, PushRecord record) {
    requireNonNull(caseId, "caseId");
    requireNonNull(record, "record");
    append("C", caseId, record);
    state.confirm(caseId, record);
  }

  @Override
  public Optional<String> confirmedShared(String resource) {
    return state.confirmedShared(resource);
  }

  @Override
  public void confirmShared(String resource, String contentHash) {
    requireNonNull(resource, "resource");
    requireNonNull(contentHash, "contentHash");
    if (!contentHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("contentHash must be 64 lowercase hex digits");
    }
    append(sharedLine(resource, contentHash));
    state.confirmShared(resource, contentHash);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the push journal", e);
    }
  }
}
