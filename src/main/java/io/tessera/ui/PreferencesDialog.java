package io.tessera.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File → Preferences…: settings that are the user's choice rather than remembered state. The
 * result is whether the user pressed OK; the caller then stores {@link #onlineTiles()}.
 */
public final class PreferencesDialog extends Dialog<Boolean> {
  private final CheckBox onlineTiles = new CheckBox("Load online map tiles (OpenStreetMap)");

  public PreferencesDialog(Window owner, boolean onlineTilesNow) {
    initOwner(owner);
    setTitle("Preferences");
    setHeaderText(null);
    onlineTiles.setId("onlineTilesCheck");
    onlineTiles.setSelected(onlineTilesNow);
    Label explain =
        new Label(
            "Off by default: Tessera works without a network. When on, the map fetches "
                + "background tiles from tile.openstreetmap.org (© OpenStreetMap contributors).");
    explain.getStyleClass().add("empty-hint");
    explain.setWrapText(true);
    explain.setMaxWidth(380);
    VBox content = new VBox(8, onlineTiles, explain);
    content.setPadding(new Insets(10, 12, 4, 12));
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(button -> button == ButtonType.OK);
  }

  /** The checkbox's state when the dialog closed. */
  public boolean onlineTiles() {
    return onlineTiles.isSelected();
  }
}
