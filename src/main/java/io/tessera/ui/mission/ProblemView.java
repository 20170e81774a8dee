package io.tessera.ui.mission;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link Problem} where the work was asked for: the message, a collapsed "Details"
 * expander with what the service said, and Dismiss. Hidden while there is no problem.
 */
public final class ProblemView extends VBox {
  private final Label message = new Label();
  private final TextArea details = new TextArea();
  private final TitledPane expander = new TitledPane("Details", details);

  public ProblemView(String id, ObservableValue<Problem> problem, Runnable dismiss) {
    super(6);
    setId(id);
    getStyleClass().add("problem-view");
    message.getStyleClass().add("problem-message");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(5);
    expander.setExpanded(false);
    expander.setAnimated(false);
    Button close = new Button("Dismiss");
    close.getStyleClass().add("small-button");
    close.setOnAction(e -> dismiss.run());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().addAll(message, expander, new HBox(spacer, close));
    problem.addListener((o, was, is) -> show(is));
    show(problem.getValue());
  }

  private void show(Problem p) {
    setVisible(p != null);
    setManaged(p != null);
    message.setText(p == null ? "" : p.message());
    details.setText(p == null ? "" : p.details());
    expander.setExpanded(false);
    boolean hasDetails = p != null && p.details() != null && !p.details().isBlank();
    expander.setVisible(hasDetails);
    expander.setManaged(hasDetails);
  }
}
