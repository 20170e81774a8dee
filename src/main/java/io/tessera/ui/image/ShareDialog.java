package io.tessera.ui.image;

import io.tessera.api.dto.DeepZoomDtos.ContentDto;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * What sharing an image gave: the public link to its viewer page and the HTML that embeds it,
 * each with a Copy button.
 */
public final class ShareDialog extends Dialog<Void> {

  public ShareDialog(Window owner, ContentDto shared) {
    initOwner(owner);
    setTitle("Share Image");
    setHeaderText(shared.title() + " is shared: anyone with the link can view it.");
    TextField link = new TextField(shared.shareUrl());
    link.setEditable(false);
    link.setId("shareLink");
    link.setPrefColumnCount(48);
    TextArea embed = new TextArea(shared.embedHtml());
    embed.setEditable(false);
    embed.setWrapText(true);
    embed.setPrefRowCount(3);
    embed.setId("shareEmbed");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("Link"), link, copy(shared.shareUrl(), "copyShareLink"));
    grid.addRow(1, new Label("Embed"), embed, copy(shared.embedHtml(), "copyShareEmbed"));
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
  }

  private static Button copy(String text, String id) {
    Button b = new Button("Copy");
    b.setId(id);
    b.setOnAction(e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(text);
      Clipboard.getSystemClipboard().setContent(c);
    });
    return b;
  }
}
