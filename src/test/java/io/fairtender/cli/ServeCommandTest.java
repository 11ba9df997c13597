package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ServeCommand}: configuration errors exit 2 with a message, never a stack trace. */
class ServeCommandTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void badSettingsExitTwoWithAMessage() {
    for (String[] args : new String[][] {{"serve", "--port", "70000"}, {"serve", "--models", "bogus"},
        {"serve", "--max-concurrent", "0"}, {"serve", "--time-limit", "0"}, {"serve", "--port", "x"},
        {"serve", "--log-format", "xml"}, {"serve", "--audit-days", "0"}, {"serve", "--db-url", "jdbc:mysql://db/x"},
        {"serve", "--models", "off", "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:1/none"}}) {
      String[] r = run(args);
      assertEquals("2", r[0], String.join(" ", args) + ": " + r[1]);
      assertTrue(r[1].contains("fairtender"), r[1]);
      assertFalse(r[1].contains("\tat "), "no stack trace: " + r[1]);
    }
  }

  @Test
  void aBrokenRuleFileOrABusyPortExitsTwoNamingTheProblem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "id: [unclosed\n  - : :\n");
    String[] r = run("serve", "--port", "0", "--rules-dir", dir.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].contains("broken.yaml"), r[1]);
    assertFalse(r[1].contains("\tat "), r[1]);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String[] busy = run("serve", "--port", String.valueOf(taken.getLocalPort()), "--models", "off");
      assertEquals("2", busy[0], busy[1]);
      assertTrue(busy[1].contains("cannot listen"), busy[1]);
    }
  }
}
