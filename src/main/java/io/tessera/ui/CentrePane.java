package io.tessera.ui;

/** The three views in the centre of the main window, in tab order (Ctrl+1, Ctrl+2, Ctrl+3). */
public enum CentrePane {
  MAP("Map"),
  IMAGE("Image"),
  SCENE3D("3D");

  private final String title;

  CentrePane(String title) {
    this.title = title;
  }

  /** The tab and menu label. */
  public String title() {
    return title;
  }
}
