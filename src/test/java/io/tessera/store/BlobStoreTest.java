package io.tessera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path dir;

  @Test
  void storesByContentHashOnce() throws Exception {
    BlobStore store = new BlobStore(dir);
    byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
    BlobStore.BlobRef a = store.put(new ByteArrayInputStream(data), 1024);
    BlobStore.BlobRef b = store.put(new ByteArrayInputStream(data), 1024);
    // SHA-256("abc"), FIPS 180-2 test vector
    assertThat(a.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(b).isEqualTo(a);
    assertThat(store.path(a.sha256())).isEqualTo(dir.resolve("ba").resolve(a.sha256().substring(2)));
    try (var in = store.open(a.sha256()).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(tempFiles()).isZero();
  }

  @Test
  void aBlobOverTheLimitLeavesNothingBehind() throws Exception {
    BlobStore store = new BlobStore(dir);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(BlobStore.TooLargeException.class);
    assertThat(tempFiles()).isZero();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("tmp");
    }
  }

  @Test
  void refusesPathsThatAreNotHashes() throws Exception {
    BlobStore store = new BlobStore(dir);
    assertThatThrownBy(() -> store.path("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long tempFiles() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
      return s.count();
    }
  }
}
