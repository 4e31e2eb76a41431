package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashesTest {
  /** Guava's MurmurHash3 is the reference; ours must give its bytes for every length and text. */
  @Test
  void murmur3IsGuavasMurmur3OfTheChars() {
    Random random = new Random(20261204);
    for (int length = 0; length < 9000; length += length < 40 ? 1 : 997) {
      for (int round = 0; round < 4; round++) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
          text.append(
              switch (round) {
                case 0 -> (char) ('a' + random.nextInt(26)); // Latin-1 string
                case 1 -> (char) (0x4e00 + random.nextInt(0x5000)); // Han
                case 2 -> (char) random.nextInt(0x10000); // any unit, lone surrogates too
                default -> (char) (i % 2 == 0 ? 'x' : 0xffff);
              });
        }
        String s = text.toString();
        assertThat(Hashes.murmur3(s))
            .as("length %d round %d", length, round)
            .isEqualTo(Hashing.murmur3_128().hashUnencodedChars(s).asBytes());
      }
    }
  }

  @Test
  void murmur3TellsNearTextsApart() {
    assertThat(Hashes.murmur3("<p>一</p>")).isNotEqualTo(Hashes.murmur3("<p>二</p>"));
    assertThat(Hashes.murmur3("")).isNotEqualTo(Hashes.murmur3("\0"));
    assertThat(Hashes.murmur3("ab")).isNotEqualTo(Hashes.murmur3("ba"));
  }
}
