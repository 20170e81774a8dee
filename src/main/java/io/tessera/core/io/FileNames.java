package io.tessera.core.io;

/** File names that arrive from outside (uploads, multipart parts) made safe to keep and show. */
public final class FileNames {
  private FileNames() {}

  /**
   * The last path segment of {@code name} without control characters, at most 200 characters
   * (the end kept, with the extension); {@code fallback} when nothing usable is left.
   */
  public static String safe(String name, String fallback) {
    String n = name == null ? "" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      return fallback;
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }
}
