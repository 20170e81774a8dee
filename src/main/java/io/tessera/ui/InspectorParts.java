package io.tessera.ui;

import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/** The pieces every inspector page is built of, styled alike (UX.md: one look across tools). */
public final class InspectorParts {
  private InspectorParts() {}

  /** A page of the inspector: {@code content}, scrolled, shown while {@code visible}. */
  public static Node page(Node content, ObservableBooleanValue visible) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("inspector-scroll");
    scroll.visibleProperty().bind(visible);
    return scroll;
  }

  /** A section heading, in capitals. */
  public static Label section(String text) {
    Label l = new Label(text.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("inspector-section");
    return l;
  }

  /** A field's label. */
  public static Label fieldLabel(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("field-label");
    return l;
  }

  /** A field's label, tied to the field (its mnemonic and accessible name). */
  public static Label fieldLabel(String text, Node field) {
    Label l = fieldLabel(text);
    l.setLabelFor(field);
    return l;
  }
}
