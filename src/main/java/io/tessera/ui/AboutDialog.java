package io.tessera.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About: name, version, licence and where the service listens. */
public final class AboutDialog extends Dialog<ButtonType> {

  public AboutDialog(Window owner, String version, String serviceUrl) {
    initOwner(owner);
    setTitle("About Tessera");
    Label name = new Label("Tessera");
    name.getStyleClass().add("about-name");
    Label tagline = new Label("Offline desktop GIS workstation for surveyors and imagery analysts");
    tagline.getStyleClass().add("empty-hint");

    GridPane facts = new GridPane();
    facts.setHgap(14);
    facts.setVgap(6);
    facts.addRow(0, key("Version"), value("aboutVersion", version));
    facts.addRow(1, key("Licence"), value("aboutLicence", "Apache License 2.0 (Apache-2.0)"));
    facts.addRow(2, key("Service"), value("aboutService", serviceUrl));

    VBox content = new VBox(8, name, tagline, facts);
    VBox.setMargin(facts, new Insets(8, 0, 0, 0));
    content.setPadding(new Insets(6, 12, 0, 12));
    content.getStyleClass().add("about-dialog");
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
  }

  private static Label key(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("fact-key");
    return l;
  }

  private static Label value(String id, String text) {
    Label l = new Label(text);
    l.setId(id);
    return l;
  }
}
