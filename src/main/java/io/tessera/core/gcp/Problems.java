package io.tessera.core.gcp;

import java.util.ArrayList;
import java.util.List;

/** Collects a reader's problems so that one exception reports them all (up to a limit). */
final class Problems {
  private static final int LIMIT = 50;

  private final String source;
  private final List<GcpFormatException.Problem> list = new ArrayList<>();
  private int dropped;

  Problems(String source) {
    this.source = source;
  }

  void add(int line, String message) {
    if (list.size() < LIMIT) {
      list.add(new GcpFormatException.Problem(line, message));
    } else {
      dropped++;
    }
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void throwIfAny() throws GcpFormatException {
    if (list.isEmpty()) {
      return;
    }
    List<GcpFormatException.Problem> all = new ArrayList<>(list);
    if (dropped > 0) {
      all.add(new GcpFormatException.Problem(0, "and " + dropped + " more problems"));
    }
    throw new GcpFormatException(source, all);
  }
}
