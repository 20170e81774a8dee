package io.tessera.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinnedDnsTest {
  /** A name that answers a public address once, then loopback: DNS rebinding. */
  private final List<String> asked = new ArrayList<>();
  private final PinnedDns dns =
      new PinnedDns(
          host -> {
            asked.add(host);
            return new InetAddress[] {
              InetAddress.getByName(asked.size() == 1 ? "93.184.216.34" : "127.0.0.1")
            };
          });

  @Test
  void theClientConnectsToTheAddressesThePolicyChecked() throws Exception {
    List<InetAddress> connected =
        dns.pinning(
            () -> {
              InetAddress[] checked = dns.resolve("Hooks.Example.com");
              assertThat(checked[0].getHostAddress()).isEqualTo("93.184.216.34");
              return dns.lookup("hooks.example.com");
            });
    assertThat(connected).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    assertThat(asked).hasSize(1);
  }

  @Test
  void aNameThePolicyDidNotResolveIsResolvedForTheClient() throws Exception {
    List<InetAddress> connected = dns.pinning(() -> dns.lookup("allowed.internal"));
    assertThat(connected).hasSize(1);
    assertThat(asked).containsExactly("allowed.internal");
  }

  @Test
  void outsideACheckedRequestTheClientGetsNothing() throws Exception {
    dns.pinning(() -> dns.resolve("hooks.example.com"));
    assertThatThrownBy(() -> dns.lookup("hooks.example.com"))
        .isInstanceOf(UnknownHostException.class);
  }
}
