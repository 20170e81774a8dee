package io.tessera.core.raster;

/** How a raster stores each sample. */
public enum SampleType {
  UINT8(1),
  INT16(2),
  UINT16(2),
  INT32(4),
  FLOAT32(4),
  FLOAT64(8);

  private final int bytes;

  SampleType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per sample. */
  public int bytes() {
    return bytes;
  }
}
