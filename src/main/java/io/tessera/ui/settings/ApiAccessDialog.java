package io.tessera.ui.settings;

import io.tessera.api.dto.AdminDtos.ClientDto;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Settings → API access…: the missions API's client credentials (see {@link ApiAccessViewModel}). */
public final class ApiAccessDialog extends Dialog<Void> {
  private static final List<String> SCOPES =
      List.of("missions:read", "missions:write", "submissions:read", "submissions:write",
          "webhooks:manage");

  public ApiAccessDialog(Window owner, ApiAccessViewModel vm, String serviceUrl) {
    initOwner(owner);
    setTitle("API access");
    setHeaderText("Client credentials for scripts and partners using the missions API ("
        + serviceUrl + "/api/qz/v1)");
    setResizable(true);

    TableView<ClientDto> table = new TableView<>(vm.clients());
    table.setId("apiClientsTable");
    table.setPrefSize(700, 200);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No clients yet: create one below."));
    table.getColumns().add(column("Name", ClientDto::name, 140));
    table.getColumns().add(column("Client ID", ClientDto::clientId, 190));
    table.getColumns().add(column("Scopes", ClientDto::scope, 220));
    table.getColumns().add(column("Rate limit", ApiAccessDialog::limit, 100));
    Button revoke = new Button("Revoke");
    revoke.setId("revokeClientButton");
    revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    revoke.setOnAction(e -> vm.revoke(table.getSelectionModel().getSelectedItem()));

    TextField name = new TextField();
    name.setId("clientNameField");
    name.setPromptText("e.g. Field app, Partner X");
    List<CheckBox> scopeBoxes = new ArrayList<>();
    HBox scopes = new HBox(8);
    for (String s : SCOPES) {
      CheckBox box = new CheckBox(s);
      box.setSelected(s.endsWith(":read"));
      scopeBoxes.add(box);
      scopes.getChildren().add(box);
    }
    ToggleGroup limits = new ToggleGroup();
    RadioButton standard = new RadioButton("60 / minute, 1,000 / hour");
    RadioButton custom = new RadioButton("per minute / per hour:");
    RadioButton none = new RadioButton("no limit");
    for (RadioButton r : List.of(standard, custom, none)) {
      r.setToggleGroup(limits);
    }
    standard.setSelected(true);
    TextField customLimit = new TextField();
    customLimit.setPromptText("120/5000");
    customLimit.setPrefColumnCount(8);
    customLimit.disableProperty().bind(custom.selectedProperty().not());
    Button create = new Button("Create client");
    create.setId("createClientButton");
    create.setDefaultButton(true);
    create.setOnAction(
        e ->
            vm.create(
                name.getText(),
                scopeBoxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList(),
                custom.isSelected() ? customLimit.getText() : null,
                none.isSelected()));

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Name"), name);
    form.addRow(1, new Label("Scopes"), scopes);
    form.addRow(2, new Label("Rate limit"), new HBox(8, standard, custom, customLimit, none));
    form.add(create, 1, 3);

    TextArea secret = new TextArea();
    secret.setId("clientSecretText");
    secret.setEditable(false);
    secret.setPrefRowCount(3);
    secret.setWrapText(true);
    secret.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    javafx.scene.layout.HBox.setHgrow(secret, javafx.scene.layout.Priority.ALWAYS);
    Button copy = new Button("Copy");
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(secret.getText());
          Clipboard.getSystemClipboard().setContent(c);
        });
    VBox shownOnce =
        new VBox(4, new Label("Copy the secret now: it is shown only this once."),
            new HBox(8, secret, copy));
    shownOnce.visibleProperty().bind(vm.createdProperty().isNotNull());
    shownOnce.managedProperty().bind(shownOnce.visibleProperty());
    vm.createdProperty()
        .addListener(
            (o, was, c) -> {
              if (c != null) {
                secret.setText("client_id: " + c.clientId() + "\nclient_secret: "
                    + c.clientSecret() + "\nscope: " + c.scope());
                name.clear();
              }
            });

    Label error = new Label();
    error.setId("apiAccessError");
    error.getStyleClass().add("error-message");
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
    error.managedProperty().bind(error.visibleProperty());

    VBox content = new VBox(10, table, new HBox(revoke), form, shownOnce, error);
    content.setPadding(new Insets(10, 12, 4, 12));
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    vm.refresh();
  }

  private static String limit(ClientDto c) {
    if (!c.rateLimited()) {
      return "none";
    }
    return (c.ratePerMinute() == null ? 60 : c.ratePerMinute()) + " / "
        + (c.ratePerHour() == null ? 1000 : c.ratePerHour());
  }

  private static TableColumn<ClientDto, String> column(
      String title, java.util.function.Function<ClientDto, String> value, double width) {
    TableColumn<ClientDto, String> col = new TableColumn<>(title);
    col.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
    col.setPrefWidth(width);
    return col;
  }
}
