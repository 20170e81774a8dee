package io.tessera.ui.volume;

/** The base surfaces the volume API offers, with the names people read in the inspector. */
public enum BaseChoice {
  TRIANGULATED("triangulated", "Triangulated (boundary TIN)"),
  FIT_PLANE("fitPlane", "Best-fit plane"),
  AVERAGE("average", "Average boundary height"),
  LOWEST("lowest", "Lowest boundary point"),
  HIGHEST("highest", "Highest boundary point"),
  CUSTOM("custom", "Custom elevation");

  private final String apiName;
  private final String label;

  BaseChoice(String apiName, String label) {
    this.apiName = apiName;
    this.label = label;
  }

  /** The {@code base_surface} value on the wire. */
  public String apiName() {
    return apiName;
  }

  public String label() {
    return label;
  }

  /** The choice named {@code apiName} on the wire, or {@link #TRIANGULATED}. */
  public static BaseChoice ofApiName(String apiName) {
    for (BaseChoice b : values()) {
      if (b.apiName.equals(apiName)) {
        return b;
      }
    }
    return TRIANGULATED;
  }

  @Override
  public String toString() {
    return label;
  }
}
