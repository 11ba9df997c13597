package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** UTF-8 text read without Tika gives exactly the text Tika's parser gives, and only for plain text. */
class PlainTextExtractorTest {
  private static final String TENDER = "一、资格要求\r\n  投标人注册资本不低于100万元。  \n\n\n二、评分标准\n类似业绩每个得1分。\n";
  private final PlainTextExtractor plain = new PlainTextExtractor(5_000_000, 500_000);
  private final TikaExtractor tika = new TikaExtractor(5_000_000, 500_000);

  private static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(30));
  }

  @Test
  void givesTheTextTikaGives() {
    for (String text : new String[] {TENDER, "\uFEFF" + TENDER, "\n\n" + TENDER + "\n\n  "}) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      ExtractedText ours = plain.extract(utf8, "a.txt", null, deadline());
      assertNotNull(ours);
      assertEquals(tika.extract(utf8, "a.txt", MediaTypes.TEXT, deadline()).text(), ours.text());
      assertEquals(MediaTypes.TEXT, ours.mediaType());
    }
  }

  @Test
  void leavesEverythingElseToTika() {
    byte[] utf8 = TENDER.getBytes(StandardCharsets.UTF_8);
    assertNull(plain.extract(TENDER.getBytes(Charset.forName("GB18030")), "a.txt", null, deadline()), "not UTF-8");
    assertNull(plain.extract("<html><body>投标人</body></html>".getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()));
    assertNull(plain.extract("{\"a\":1}".getBytes(StandardCharsets.UTF_8), null, null, deadline()));
    assertNull(plain.extract("序号|要求\n1|投标人须具有资质\n".getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()),
        "delimited text may be a table for Tika");
    assertNull(plain.extract(utf8, "a.doc", null, deadline()), "named as another format");
    assertNull(plain.extract(utf8, "a", "text/html", deadline()));
    assertNull(plain.extract(new byte[] {'a', 0, 'b'}, "a.txt", null, deadline()));
  }

  @Test
  void keepsTheLimits() {
    PlainTextExtractor small = new PlainTextExtractor(10, 500_000);
    CheckException e = assertThrows(CheckException.class,
        () -> small.extract(TENDER.getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()));
    assertEquals(ErrorCode.TOO_LARGE, e.code());
    CheckException blank = assertThrows(CheckException.class,
        () -> plain.extract(" \n \n".getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()));
    assertEquals(ErrorCode.EMPTY, blank.code());
  }
}
