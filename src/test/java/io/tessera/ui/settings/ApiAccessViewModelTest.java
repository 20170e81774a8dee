package io.tessera.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.client.MissionsClient;
import io.tessera.testing.RunningService;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings → API access against the real service: a client made here can get a token. */
class ApiAccessViewModelTest {
  private static RunningService svc;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  @Test
  void createsAClientWhoseSecretWorksListsItAndRevokesIt() {
    ApiAccessViewModel vm = new ApiAccessViewModel(svc.desktop(), new CurrentThreadTaskExecutor());
    vm.create("Partner X", List.of("missions:read", "submissions:read"), "30/500", false);
    ClientDto made = vm.createdProperty().get();
    assertThat(made.clientSecret()).startsWith("qzs_");
    assertThat(made.ratePerMinute()).isEqualTo(30);
    assertThat(vm.clients()).extracting(ClientDto::clientId).contains(made.clientId());
    assertThat(vm.clients()).allSatisfy(c -> assertThat(c.clientSecret()).isNull());

    var token = new MissionsClient(svc.anonymous()).token(made.clientId(), made.clientSecret(), null);
    assertThat(token.scope()).isEqualTo("missions:read submissions:read");

    ClientDto listed =
        vm.clients().stream().filter(c -> c.id().equals(made.id())).findFirst().orElseThrow();
    vm.revoke(listed);
    assertThat(vm.clients()).extracting(ClientDto::id).doesNotContain(made.id());
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void saysWhatIsMissingInsteadOfCallingTheService() {
    ApiAccessViewModel vm = new ApiAccessViewModel(svc.desktop(), new CurrentThreadTaskExecutor());
    vm.create(" ", List.of("missions:read"), null, false);
    assertThat(vm.errorProperty().get()).contains("name");
    vm.create("x", List.of(), null, false);
    assertThat(vm.errorProperty().get()).contains("scope");
    vm.create("x", List.of("missions:read"), "lots", false);
    assertThat(vm.errorProperty().get()).startsWith("Cannot create the client:");
    assertThat(vm.createdProperty().get()).isNull();
  }
}
