package io.tessera.core.dzi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the tiler's timings: with decoding and encoding threads
 * sharing the cores, wall time per stage would count the time a thread waits for a core.
 * Falls back to wall time where the JVM cannot tell.
 */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private CpuClock() {}

  /** Nanoseconds of CPU (user and system) the calling thread has used so far. */
  static long now() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
