package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The job options of {@code serve}: bad values exit 2 naming the option, before anything is loaded. */
class ServeJobOptionsTest {
  @Test
  void badJobSettingsExitTwoWithAMessage() {
    for (String[] args : new String[][] {{"serve", "--job-ttl", "0"}, {"serve", "--job-queue", "-1"},
        {"serve", "--job-storage", "0"}, {"serve", "--job-ttl", "soon"}}) {
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
      assertEquals(Main.EXIT_USAGE, code, String.join(" ", args) + ": " + err);
      assertTrue(err.toString().contains("job") || err.toString().contains("Invalid value"), err.toString());
      assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
  }
}
