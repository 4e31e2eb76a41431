package dev.gazette.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides how the bytes of a post file are text. UTF-8 (with or without a byte-order mark) is the
 * norm; UTF-16 with a byte-order mark is read as such; a file in one of the legacy Chinese,
 * Japanese or Korean encodings that bots still write (GBK/GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR)
 * is recognized by ICU's detector and decoded, with a warning. Anything else, and any file holding
 * NUL bytes, is not text we can trust: it is reported, never guessed at.
 */
final class TextDecoding {
  /**
   * Encodings worth decoding when a file is not UTF-8: those of Chinese, Japanese and Korean sites.
   */
  private static final Set<String> LEGACY_CJK =
      Set.of("GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR");

  /** ICU's confidence (0-100) below which a guess is not used. */
  private static final int MIN_CONFIDENCE = 10;

  private TextDecoding() {}

  /**
   * How a file is to be decoded.
   *
   * @param charset the encoding
   * @param bomBytes bytes of a byte-order mark to skip before decoding
   * @param note a warning to give when the file is not plain UTF-8, or null
   */
  record Encoding(Charset charset, int bomBytes, String note) {
    static final Encoding UTF8 = new Encoding(StandardCharsets.UTF_8, 0, null);

    boolean isUtf8() {
      return charset.equals(StandardCharsets.UTF_8);
    }

    /** Decodes a whole file, strictly. */
    String decode(byte[] bytes) throws CharacterCodingException {
      return strictDecoder(charset)
          .decode(ByteBuffer.wrap(bytes, bomBytes, bytes.length - bomBytes))
          .toString();
    }
  }

  /** A decoder of {@code charset} that reports bytes it cannot read instead of replacing them. */
  static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * The encoding announced by the first bytes: a UTF-16 byte-order mark, else UTF-8 (to be
   * confirmed by decoding). NUL bytes without a UTF-16 mark mean a binary file.
   */
  static Encoding fromHead(byte[] head, int length) throws PostFormatException {
    if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      if (length >= 4 && head[2] == 0 && head[3] == 0) {
        throw new PostFormatException(0, "UTF-32 text is not supported; save the file as UTF-8");
      }
      return new Encoding(
          StandardCharsets.UTF_16LE, 2, "UTF-16 text; read as such (UTF-8 is expected)");
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Encoding(
          StandardCharsets.UTF_16BE, 2, "UTF-16 text; read as such (UTF-8 is expected)");
    }
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        throw new PostFormatException(
            0, "binary data (a NUL byte at offset " + i + "), not a text file");
      }
    }
    return Encoding.UTF8;
  }

  /**
   * The first {@code length} bytes of a file decoded as UTF-8, or null when they are not UTF-8 (a
   * sequence the end cuts short is not an error: the file goes on).
   */
  static Utf8Prefix utf8Prefix(byte[] head, int length) {
    var decoder = strictDecoder(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(head, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 1);
    if (decoder.decode(in, out, false).isError()) {
      return null;
    }
    return new Utf8Prefix(out.flip(), in.position());
  }

  /**
   * The decoded start of a UTF-8 file: {@code text}, from its first {@code bytes} bytes (a sequence
   * cut short at the end of what was read is left out of both).
   */
  record Utf8Prefix(CharBuffer text, int bytes) {
    /**
     * The file's text as a strict UTF-8 reader: this prefix first, then the file from where it
     * ended, opened only when the reader gets there. Front matter nearly always ends within the
     * prefix, so most posts are opened and decoded once while their dates are read (opening each
     * again and decoding its start twice was ~40% of selecting from 10,000 posts).
     */
    Reader reader(Path file) {
      return new Reader() {
        private final CharBuffer head = text.duplicate();
        private Reader rest;

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          if (head.hasRemaining()) {
            int n = Math.min(len, head.remaining());
            head.get(buf, off, n);
            return n;
          }
          if (rest == null) {
            InputStream stream = Files.newInputStream(file);
            try {
              stream.skipNBytes(bytes);
            } catch (IOException | RuntimeException e) {
              stream.close();
              throw e;
            }
            rest =
                new BufferedReader(
                    new InputStreamReader(stream, strictDecoder(StandardCharsets.UTF_8)), 1024);
          }
          return rest.read(buf, off, len);
        }

        @Override
        public void close() throws IOException {
          if (rest != null) {
            rest.close();
          }
        }
      };
    }
  }

  /**
   * The legacy CJK encoding of a file that is not UTF-8, when ICU recognizes one and the whole file
   * decodes in it; otherwise the post cannot be read.
   */
  static Encoding legacy(byte[] bytes) throws PostFormatException {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    CharsetMatch[] matches = detector.detectAll();
    String best = matches.length == 0 ? null : matches[0].getName();
    for (CharsetMatch m : matches) {
      if (m.getConfidence() < MIN_CONFIDENCE || !LEGACY_CJK.contains(m.getName())) {
        continue;
      }
      Encoding e =
          new Encoding(
              Charset.forName(m.getName()),
              0,
              "not UTF-8; decoded as "
                  + m.getName()
                  + " (detected, "
                  + m.getConfidence()
                  + "% sure): save the file as UTF-8 to be certain");
      try {
        e.decode(bytes);
        return e;
      } catch (CharacterCodingException notThisOne) {
        // try the next candidate
      }
    }
    throw new PostFormatException(
        0,
        "not UTF-8 text"
            + (best == null ? "" : " (it looks like " + best + ")")
            + "; save the file as UTF-8");
  }
}
