package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The report names the document by the SHA-256 of its bytes, whether it was hashed beside extraction or after it. */
class CheckerDigestTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void smallAndLargeUploadsCarryTheirDigest() throws Exception {
    String clause = "二、申请人的资格要求：投标人注册资本不低于1000万元。\n";
    byte[] small = clause.getBytes(StandardCharsets.UTF_8);
    byte[] large = clause.repeat(300_000 / small.length + 1).getBytes(StandardCharsets.UTF_8);
    for (byte[] data : new byte[][] {small, large}) {
      var report = CHECKER.check(new DocumentInput(data, "a.txt", null), CheckOptions.defaults());
      assertEquals(sha256(data), report.document().sha256());
    }
  }
}
