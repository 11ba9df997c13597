package io.fairtender;

import java.io.IOException;

/** Fixtures built in code for tests in other packages. */
public final class CheckerTestSupport {
  private CheckerTestSupport() {}

  /** A one-page PDF that needs a user password to open. */
  public static byte[] encryptedPdf() throws IOException {
    return CheckerTest.encryptedPdf("secret");
  }
}
