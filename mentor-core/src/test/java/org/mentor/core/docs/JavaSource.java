package org.mentor.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads mentor-core's production sources as code: comments and literals blanked out. */
final class JavaSource {
  /** mentor-core's production sources, relative to the repository root. */
  static final String CORE_MAIN = "mentor-core/src/main/java";

  private JavaSource() {}

  /** Every {@code .java} file under mentor-core's production sources, sorted by path. */
  static List<Path> coreMainFiles() {
    Path root = GeneratedDocs.repositoryRoot().resolve(CORE_MAIN);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source file's simple class name: its file name without {@code .java}. */
  static String className(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  /**
   * The code of a Java source with every comment, string literal, text block and character
   * literal replaced by spaces, line breaks kept, so a match's line number is still right and a
   * word in a comment or a message never counts as code.
   */
  static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int close = source.indexOf("*/", i + 2);
        int stop = close < 0 ? n : close + 2;
        blank(source, i, stop, out);
        i = stop;
      } else if (source.startsWith("\"\"\"", i)) {
        int close = source.indexOf("\"\"\"", i + 3);
        while (close > 0 && escaped(source, close)) {
          close = source.indexOf("\"\"\"", close + 1);
        }
        int stop = close < 0 ? n : close + 3;
        blank(source, i, stop, out);
        i = stop;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        int stop = Math.min(n, j + 1);
        blank(source, i, stop, out);
        i = stop;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean escaped(String source, int at) {
    int backslashes = 0;
    for (int k = at - 1; k >= 0 && source.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      out.append(source.charAt(k) == '\n' ? '\n' : ' ');
    }
  }

  /** The 1-based line of a character offset. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
