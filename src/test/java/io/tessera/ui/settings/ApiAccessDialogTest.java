package io.tessera.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.testing.RunningService;
import io.tessera.ui.task.FxTaskExecutor;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** File → API Access…: a client is created by typing and clicking, its secret shown once. */
@ExtendWith(ApplicationExtension.class)
class ApiAccessDialogTest {
  private RunningService svc;
  private FxTaskExecutor executor;

  @Start
  void start(Stage stage) throws Exception {
    svc = RunningService.start();
    executor = new FxTaskExecutor(2);
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
    stage.show();
    ApiAccessDialog dialog =
        new ApiAccessDialog(stage, new ApiAccessViewModel(svc.desktop(), executor), svc.url());
    dialog.show();
  }

  @Stop
  void stop() {
    executor.close();
    svc.close();
  }

  @Test
  void aClientMadeInTheDialogIsListedAndItsSecretShownOnce(FxRobot robot) throws Exception {
    robot.clickOn("#clientNameField").write("Partner X");
    robot.clickOn("#createClientButton");
    TextArea secret = robot.lookup("#clientSecretText").queryAs(TextArea.class);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> secret.getText().contains("qzs_"));
    @SuppressWarnings("unchecked")
    TableView<ClientDto> table = robot.lookup("#apiClientsTable").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
    ClientDto listed = table.getItems().get(0);
    assertThat(listed.name()).isEqualTo("Partner X");
    assertThat(listed.scope()).isEqualTo("missions:read submissions:read");
    assertThat(secret.getText()).contains(listed.clientId());

    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
    assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(listed);
    robot.clickOn("#revokeClientButton");
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
  }
}
