package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  private final AddressPolicy policy = AddressPolicy.publicOnly();
  private final AddressPolicy permissive = AddressPolicy.allowingPrivateNetwork();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1 | this machine",
        "127.1.2.3 | this machine",
        "::1 | this machine",
        "0.0.0.0 | unspecified",
        ":: | unspecified",
        "0.1.2.3 | unspecified",
        "10.0.0.1 | private",
        "172.16.0.1 | private",
        "172.31.255.255 | private",
        "192.168.1.1 | private",
        "100.64.0.1 | private",
        "fc00::1 | private",
        "fd12:3456::1 | private",
        "169.254.1.1 | link-local",
        "fe80::1 | link-local",
        "169.254.169.254 | metadata",
        "169.254.170.2 | metadata",
        "100.100.100.200 | metadata",
        "fd00:ec2::254 | metadata",
        "::ffff:169.254.169.254 | metadata",
        "224.0.0.1 | multicast",
        "ff02::1 | multicast",
        "255.255.255.255 | reserved",
        "240.0.0.1 | reserved",
        "192.0.0.8 | reserved",
        "192.0.2.1 | documentation",
        "198.51.100.7 | documentation",
        "203.0.113.9 | documentation",
        "2001:db8::1 | documentation",
        "198.18.0.1 | benchmarking",
        "::ffff:127.0.0.1 | this machine",
        "::ffff:10.0.0.1 | private",
        "::127.0.0.2 | this machine",
        "64:ff9b::7f00:1 | this machine",
        "64:ff9b::a00:1 | private",
        "2002:7f00:1::1 | this machine",
        "2002:c0a8:101::1 | private",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo",
        "64:ff9b:1::1 | NAT64",
        "100::1 | discard",
        "4000::1 | reserved"
      })
  void nonPublicAddressesAreRefusedWithTheirKind(String address, String kind) throws Exception {
    assertThat(policy.refusal(InetAddress.getByName(address.strip())))
        .hasValueSatisfying(r -> assertThat(r).contains(kind));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void publicAddressesPass(String address) throws Exception {
    assertThat(policy.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void allowingThePrivateNetworkLetsLoopbackAndPrivateThroughButNeverMetadata() throws Exception {
    for (String a : List.of("127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "fd00::5")) {
      assertThat(permissive.refusal(InetAddress.getByName(a))).as(a).isEmpty();
    }
    assertThat(permissive.refusal(InetAddress.getByName("169.254.169.254")))
        .hasValueSatisfying(r -> assertThat(r).contains("metadata"));
    assertThat(permissive.refusal(InetAddress.getByName("224.0.0.1"))).isPresent();
  }

  @Test
  void everyResolvedAddressCountsAndOnlyHttpSchemesAreFetched() throws Exception {
    URI uri = URI.create("https://images.example/a.png");
    List<InetAddress> mixed =
        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
    assertThat(policy.refusal(uri, mixed))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .contains("images.example")
                    .contains("private")
                    .contains("10.0.0.5")
                    .contains("--allow-private-network"));
    assertThat(policy.refusal(uri, List.of(InetAddress.getByName("93.184.216.34")))).isEmpty();
    for (String u :
        List.of(
            "file:///etc/passwd",
            "ftp://example.com/a.png",
            "gopher://example.com/",
            "jar:file:/x!/y",
            "data:image/png;base64,AAAA")) {
      assertThat(policy.refusal(URI.create(u), List.of(InetAddress.getByName("93.184.216.34"))))
          .as(u)
          .isPresent();
    }
    assertThat(policy.refusal(URI.create("http:///nohost"), List.of())).isPresent();
  }

  @Test
  void localhostAndNumericSpellingsOfLoopbackAreRefusedAfterResolving() {
    for (String u :
        List.of(
            "http://localhost/a.png",
            "http://LOCALHOST:8080/a.png",
            "http://[::1]/a.png",
            "http://127.0.0.1/a.png",
            "http://2130706433/a.png",
            "http://0x7f000001/a.png",
            "http://0/a.png",
            "http://[::ffff:127.0.0.1]/a.png")) {
      assertThat(policy.resolveAndCheck(URI.create(u))).as(u).isPresent();
    }
    assertThat(permissive.resolveAndCheck(URI.create("http://127.0.0.1:1/a.png"))).isEmpty();
  }
}
