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
  void delimitedTextIsReadAsTikaReadsItTableOrText() {
    String[] texts = {
      "序号|要求\n1|投标人须具有资质\n2|注册资本不低于100万元\n",
      "评审因素\t评分标准\t分值\n企业规模\t员工100人以上得3分\t3\n业绩\t每个得1分\t5\n",
      "\uFEFF评审因素\t评分标准\t分值\r\n企业规模\t员工100人以上得3分\t3\r\n",
      "项目预算为人民币1,800,000.00元；最高限价180万元。\n投标人须具有有效的营业执照，成立满三年。\n",
      "a,b,c\n1,2,3\n4,5,6\n7,8,9\n",
      "name;value\n注册资本;1000万元\n营业收入;5000万元\n",
      TENDER + "附表：序号,名称,数量\n1,冷藏柜,20\n",
    };
    for (String text : texts) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      ExtractedText ours = plain.extract(utf8, "a.txt", null, deadline());
      assertNotNull(ours, text);
      assertEquals(tika.extract(utf8, "a.txt", MediaTypes.TEXT, deadline()).text(), ours.text(), text);
      assertEquals(MediaTypes.TEXT, ours.mediaType());
    }
    // Tika's sniffer reads the tab-separated scoring table as a table: its rows come back as cells, not tabs
    String table = plain.extract(texts[1].getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()).text();
    assertEquals("评审因素 评分标准 分值\n企业规模 员工100人以上得3分 3\n业绩 每个得1分 5", table.strip());
  }

  @Test
  void leavesEverythingElseToTika() {
    byte[] utf8 = TENDER.getBytes(StandardCharsets.UTF_8);
    assertNull(plain.extract(TENDER.getBytes(Charset.forName("GB18030")), "a.txt", null, deadline()), "not UTF-8");
    assertNull(plain.extract("<html><body>投标人</body></html>".getBytes(StandardCharsets.UTF_8), "a.txt", null, deadline()));
    assertNull(plain.extract("{\"a\":1}".getBytes(StandardCharsets.UTF_8), null, null, deadline()));
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
