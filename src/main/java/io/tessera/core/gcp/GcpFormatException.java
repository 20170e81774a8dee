package io.tessera.core.gcp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that a GCP format reader (or a bundle check) refused, with every problem found: each names
 * the line (when the input has lines), what was expected and what was found. Writers throw it too,
 * for sets their format cannot express.
 */
public final class GcpFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * @param source what was read, e.g. {@code "gcp_list.txt"} or {@code "input_control_points.json"}
   * @param problems at least one
   */
  public GcpFormatException(String source, List<Problem> problems) {
    super(source + ": " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a format exception needs a problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** One problem. */
  public GcpFormatException(String source, int line, String message) {
    this(source, List.of(new Problem(line, message)));
  }

  /** The problems, in input order. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One thing wrong with the input.
   *
   * @param line 1-based line number, 0 when the problem is not tied to a line
   * @param message what was expected and what was found
   */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? "line " + line + ": " + message : message;
    }
  }
}
