package io.tessera.service.mission;

import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * Counts committed changes to missions (created, a submission counted, approvals, completion), so
 * that whatever was computed from the missions at one count can be reused until the count moves.
 * All changes go through this process's services; a reader takes the count before it reads.
 */
public final class MissionGeneration {
  private final AtomicLong value = new AtomicLong();

  public long current() {
    return value.get();
  }

  /** Moves the count once {@code h}'s transaction commits. */
  void changedIn(Handle h) {
    h.afterCommit(value::incrementAndGet);
  }
}
