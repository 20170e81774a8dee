package io.tessera.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.service.DomainException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {
  @TempDir Path dir;

  private static OutboundPolicy teamServer(String resolvesTo) {
    return new OutboundPolicy(false, Set.of("tiles.internal"), List.of(),
        host -> new InetAddress[] {InetAddress.getByName(resolvesTo)});
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
      "0.0.0.0", "100.64.0.1", "::1", "fd00::1", "fe80::1"})
  void aTeamServerRefusesNonPublicAddresses(String ip) {
    assertThatThrownBy(() -> teamServer(ip).checkUrl("http://example.org/a.jpg"))
        .isInstanceOf(DomainException.Invalid.class)
        .hasMessageContaining("private");
  }

  @Test
  void publicAddressesAllowListedHostsAndLoopbackServersMayFetch() {
    assertThat(teamServer("93.184.216.34").checkUrl("https://example.org/a.jpg").getHost())
        .isEqualTo("example.org");
    assertThat(teamServer("10.0.0.5").checkUrl("http://tiles.internal/0/0/0.png")).isNotNull();
    OutboundPolicy desktop = new OutboundPolicy(true, Set.of(), List.of(),
        host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
    assertThat(desktop.checkUrl("http://localhost:9000/hook")).isNotNull();
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    OutboundPolicy p = teamServer("93.184.216.34");
    assertThatThrownBy(() -> p.checkUrl("file:///etc/passwd")).hasMessageContaining("only http");
    assertThatThrownBy(() -> p.checkUrl("gopher://x/")).hasMessageContaining("only http");
    assertThatThrownBy(() -> p.checkUrl("http:///nohost")).isInstanceOf(DomainException.class);
  }

  @Test
  void pathsMustStayInsideAllowedRootsEvenThroughSymlinks() throws Exception {
    Path root = Files.createDirectories(dir.resolve("imports"));
    Path inside = Files.writeString(root.resolve("a.jpg"), "x");
    Path outside = Files.writeString(dir.resolve("secret.txt"), "s");
    Path link = Files.createSymbolicLink(root.resolve("link.txt"), outside);
    OutboundPolicy p = new OutboundPolicy(false, Set.of(), List.of(root));

    assertThat(p.checkPath(inside.toString())).isEqualTo(inside.toRealPath());
    assertThatThrownBy(() -> p.checkPath(root.resolve("../secret.txt").toString()))
        .hasMessage("the path is outside the folders this server may read");
    assertThatThrownBy(() -> p.checkPath(link.toString()))
        .hasMessageNotContaining(dir.toString())
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> p.checkPath("relative/a.jpg")).hasMessageContaining("absolute");
  }
}
