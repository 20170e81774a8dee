package io.tessera.ui.volume;

/** The units the volume API answers in ({@code units}), with their symbols. */
public enum VolumeUnit {
  METRE("m", "m³", "m²", "m", "Cubic metres (m³)"),
  YARD("yd", "yd³", "yd²", "yd", "Cubic yards (yd³)"),
  US_SURVEY_YARD("ydUS", "US yd³", "US yd²", "US yd", "US survey cubic yards");

  private final String apiName;
  private final String volume;
  private final String area;
  private final String length;
  private final String label;

  VolumeUnit(String apiName, String volume, String area, String length, String label) {
    this.apiName = apiName;
    this.volume = volume;
    this.area = area;
    this.length = length;
    this.label = label;
  }

  public String apiName() {
    return apiName;
  }

  /** The symbol of a volume, e.g. {@code m³}. */
  public String volume() {
    return volume;
  }

  /** The symbol of an area, e.g. {@code m²}. */
  public String area() {
    return area;
  }

  /** The symbol of a length, e.g. {@code m}. */
  public String length() {
    return length;
  }

  /** The unit named {@code apiName} on the wire, or metres. */
  public static VolumeUnit ofApiName(String apiName) {
    for (VolumeUnit u : values()) {
      if (u.apiName.equals(apiName)) {
        return u;
      }
    }
    return METRE;
  }

  @Override
  public String toString() {
    return label;
  }
}
