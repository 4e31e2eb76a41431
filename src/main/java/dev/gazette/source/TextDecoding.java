package dev.gazette.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, bomBytes, bytes.length - bomBytes))
          .toString();
    }
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

  /** True when the bytes are UTF-8, allowing a character cut off at the end. */
  static boolean isUtf8Prefix(byte[] head, int length) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(length + 1);
    return !decoder.decode(ByteBuffer.wrap(head, 0, length), out, false).isError();
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
