package io.tessera.core.gcp;

/**
 * A manual tie point: a feature identifiable in several photos whose coordinates are unknown.
 *
 * @param name unique within its set (among GCPs too)
 * @param checkpoint true when it only measures the calibration's quality (OPF's {@code
 *     is_checkpoint})
 */
public record Mtp(String name, boolean checkpoint) {
  public Mtp {
    Names.check("MTP name", name);
  }
}
