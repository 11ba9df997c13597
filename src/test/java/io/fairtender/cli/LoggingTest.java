package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code serve --log-format json}: the appender of logback.xml writes one JSON object per line. */
class LoggingTest {
  @Test
  @SuppressWarnings("unchecked")
  void jsonLinesCarryTheRequestId() throws Exception {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(Logging.APPENDER);
    var before = appender.getEncoder();
    try {
      Logging.json();
      LoggingEvent e = new LoggingEvent("x", ctx.getLogger("io.fairtender.test"), Level.INFO, "checked {} 标书", null,
          new Object[] {42});
      e.setMDCPropertyMap(Map.of("requestId", "req-7"));
      String line = new String(appender.getEncoder().encode(e), StandardCharsets.UTF_8);
      assertTrue(line.endsWith("\n"));
      assertEquals(1, line.strip().split("\n").length, "one line");
      JsonNode j = new ObjectMapper().readTree(line);
      assertEquals("checked 42 标书", j.get("formattedMessage").asText());
      assertEquals("req-7", j.get("mdc").get("requestId").asText());
      assertEquals("INFO", j.get("level").asText());
      assertFalse(j.has("context"));
    } finally {
      appender.stop();
      appender.setEncoder(before);
      appender.start();
    }
  }
}
