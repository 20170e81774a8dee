package io.tessera.api.http;

/**
 * System properties Jetty reads once, set before its first class loads.
 *
 * <p>{@code org.eclipse.jetty.util.MemoryUtils} pads its pools by the number of references per
 * cache line, and when {@code org.eclipse.jetty.util.referencesPerCacheLine} is not set it finds
 * out whether references are compressed by asking the platform MBean server. Starting that
 * server (all platform MBeans, the diagnostic commands, JFR's among them) loaded ~300 JDK classes
 * and took ~0.1 s of CPU at every start. The reference size is known without it: it is the
 * JVM's scale for {@code Object[]} elements, 4 bytes with compressed references and 8 without,
 * so the value set here is the one Jetty would compute. A value given on the command line wins.
 */
final class JettyDefaults {
  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
  private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

  private JettyDefaults() {}

  static void apply() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(referencesPerCacheLine()));
    }
  }

  /** Jetty's formula: cache line bytes (64 unless set) over the size of a reference. */
  static int referencesPerCacheLine() {
    int line = 64;
    try {
      line = Integer.parseInt(System.getProperty(CACHE_LINE_BYTES, "64"));
    } catch (NumberFormatException e) {
      // Jetty falls back to 64 too
    }
    int reference = sun.misc.Unsafe.ARRAY_OBJECT_INDEX_SCALE;
    return Math.max(1, line / reference);
  }
}
