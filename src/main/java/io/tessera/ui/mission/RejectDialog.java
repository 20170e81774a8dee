package io.tessera.ui.mission;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks why a submission is rejected (R). The reason goes to whoever submitted it, so it cannot be
 * blank; a few common reasons are one click away. The result is the reason, or nothing when the
 * user cancels.
 */
public final class RejectDialog extends Dialog<String> {
  static final List<String> COMMON_REASONS = List.of(
      "Blurry or out of focus", "Outside the mission's area", "Wrong subject", "Too dark or overexposed",
      "Duplicate of an earlier submission");

  /** The Reject button. */
  public static final ButtonType REJECT = new ButtonType("Reject", ButtonBar.ButtonData.OK_DONE);

  private final TextArea reason = new TextArea();

  public RejectDialog(Window owner, String submissionId) {
    initOwner(owner);
    setTitle("Reject Submission");
    setHeaderText("Reject " + submissionId);
    Label ask = new Label("Why? The reason is sent with the rejection to whoever took the photos.");
    ask.setWrapText(true);
    reason.setId("rejectReason");
    reason.setPromptText("Reason");
    reason.setPrefRowCount(3);
    reason.setWrapText(true);
    FlowPane common = new FlowPane(6, 6);
    for (String r : COMMON_REASONS) {
      Button b = new Button(r);
      b.getStyleClass().add("small-button");
      b.setFocusTraversable(false);
      b.setOnAction(e -> {
        reason.setText(r);
        reason.requestFocus();
        reason.end();
      });
      common.getChildren().add(b);
    }
    VBox content = new VBox(8, ask, reason, common);
    content.setPadding(new Insets(10, 12, 4, 12));
    content.setPrefWidth(440);
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(REJECT, ButtonType.CANCEL);
    Button ok = (Button) getDialogPane().lookupButton(REJECT);
    ok.setId("confirmReject");
    ok.disableProperty().bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
    setResultConverter(button -> button == REJECT ? reason.getText().strip() : null);
    Platform.runLater(reason::requestFocus);
  }
}
