package io.tessera.ui;

import io.tessera.client.TesseraClient;
import java.nio.file.Path;

/**
 * What the composition root hands the desktop: a client already authenticated to the embedded
 * service, where that service listens, and the data dir (for preferences and logs only; the UI
 * never reads the database).
 *
 * @param notice a one-time message for the user, e.g. that port 8000 was taken; null for none
 */
public record DesktopContext(
    TesseraClient client, String serviceUrl, Path dataDir, String version, String notice) {}
