package io.fairtender.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Recognises UTF-16 text without a byte-order mark, which Tika's charset detection reads as garbage: ASCII chars
 * (line breaks, digits, Latin letters) put a zero byte in every other position. Accepted only when the whole input
 * decodes strictly and holds no control chars, so binary formats (which carry runs of zero bytes) never match.
 */
final class Utf16Sniffer {
  private static final int SAMPLE = 8192;

  private Utf16Sniffer() {}

  /** The text as UTF-8 with a byte-order mark (so no charset guess follows) when {@code data} is BOM-less UTF-16, else null. */
  static byte[] toUtf8(byte[] data) {
    if (data.length < 4 || data.length % 2 != 0 || hasBom(data)) {
      return null;
    }
    int n = Math.min(data.length, SAMPLE);
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i++) {
      if (data[i] == 0) {
        if (i % 2 == 0) {
          evenZeros++;
        } else {
          oddZeros++;
        }
      }
    }
    Charset charset;
    if (oddZeros >= 4 && oddZeros >= 4 * evenZeros) {
      charset = StandardCharsets.UTF_16LE;
    } else if (evenZeros >= 4 && evenZeros >= 4 * oddZeros) {
      charset = StandardCharsets.UTF_16BE;
    } else {
      return null;
    }
    String text = decodeStrict(data, charset);
    return text == null ? null : ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hasBom(byte[] d) {
    return (d[0] == (byte) 0xff && d[1] == (byte) 0xfe) || (d[0] == (byte) 0xfe && d[1] == (byte) 0xff)
        || (d.length >= 3 && d[0] == (byte) 0xef && d[1] == (byte) 0xbb && d[2] == (byte) 0xbf);
  }

  private static String decodeStrict(byte[] data, Charset charset) {
    CharBuffer chars;
    try {
      chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0xfffd || (c >= 0x7f && c < 0xa0)
          || (c >= 0xe000 && c <= 0xf8ff)) {
        return null;
      }
    }
    return chars.toString();
  }
}
