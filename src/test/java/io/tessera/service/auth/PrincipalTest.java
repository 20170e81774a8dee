package io.tessera.service.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.service.DomainException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  private static Principal client(String... scopes) {
    return new Principal(Principal.Kind.CLIENT, "c1", "o1", null, null, Set.of(scopes), true, null);
  }

  @Test
  void aMissingScopeIsForbiddenAndNamed() {
    assertThatCode(() -> client("missions:read").requireScope("missions:read"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> client("missions:read").requireScope("missions:write"))
        .isInstanceOfSatisfying(DomainException.Forbidden.class, e ->
            org.assertj.core.api.Assertions.assertThat(e.extensions())
                .containsEntry("missing_scope", "missions:write"));
  }

  @Test
  void rolesAreCheckedForUsersAndTheLocalCredentialsMayDoAnything() {
    Principal worker = new Principal(Principal.Kind.USER, "u1", "o1", "w@example.com",
        Role.FIELD_WORKER, Set.of(), false, "s1");
    assertThatThrownBy(() -> worker.requireRole(Role.ADMIN, Role.MANAGER))
        .hasMessage("this action needs the role admin or manager");
    Principal desktop = new Principal(Principal.Kind.DESKTOP, "desktop", "o1", null, Role.ADMIN,
        Set.of(), false, null);
    assertThatCode(() -> desktop.requireScope("webhooks:manage")).doesNotThrowAnyException();
    assertThatThrownBy(() -> client("missions:read").requireRole(Role.ADMIN))
        .isInstanceOf(DomainException.Forbidden.class);
  }

  @Test
  void usersAreJudgedByWhatTheirRoleImpliesWhereAClientNeedsAScope() {
    Principal worker = new Principal(Principal.Kind.USER, "u1", "o1", "w@example.com",
        Role.FIELD_WORKER, Set.of(), false, "s1");
    Principal manager = new Principal(Principal.Kind.USER, "u2", "o1", "m@example.com",
        Role.MANAGER, Set.of(), false, "s2");
    assertThatCode(() -> worker.requireScope("submissions:write")).doesNotThrowAnyException();
    assertThatCode(() -> worker.requireScope("missions:read")).doesNotThrowAnyException();
    assertThatThrownBy(() -> worker.requireScope("missions:write"))
        .hasMessage("this action needs the scope missions:write");
    assertThatThrownBy(() -> worker.requireScope("webhooks:manage"))
        .isInstanceOf(DomainException.Forbidden.class);
    assertThatCode(() -> manager.requireScope("webhooks:manage")).doesNotThrowAnyException();
  }

  @Test
  void aShareTokenReachesItsOneProjectAndWritesOnlyWhenReadWrite() {
    Principal ro = Principal.shareToken("t1", "o1", 7, false);
    assertThatCode(() -> ro.requireProject(7)).doesNotThrowAnyException();
    assertThatCode(() -> ro.requireScope("read")).doesNotThrowAnyException();
    assertThatThrownBy(() -> ro.requireScope("write"))
        .isInstanceOf(DomainException.Forbidden.class);
    assertThatThrownBy(() -> ro.requireProject(8))
        .hasMessage("this share token gives access to another project only");
    assertThatThrownBy(ro::requireNotShared).isInstanceOf(DomainException.Forbidden.class);
    Principal rw = Principal.shareToken("t2", "o1", 7, true);
    assertThatCode(() -> rw.requireScope("write")).doesNotThrowAnyException();
    // any other caller reaches every project of its organization
    assertThatCode(() -> client("read").requireProject(8)).doesNotThrowAnyException();
    assertThatCode(() -> client("read").requireNotShared()).doesNotThrowAnyException();
  }
}
