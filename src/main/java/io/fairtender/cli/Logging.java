package io.fairtender.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Jersey, Grizzly) into SLF4J once; switches the log to JSON lines on request. */
public final class Logging {
  /** The appender of logback.xml that writes the log. */
  static final String APPENDER = "STDERR";
  private static boolean done;

  private Logging() {}

  public static synchronized void init() {
    if (!done) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
      done = true;
    }
  }

  /**
   * Writes the log as one JSON object per line (logback's {@link JsonEncoder}: epoch-ms timestamp, level, thread,
   * logger, the MDC with requestId and client, formattedMessage, and any throwable), for log collectors.
   */
  @SuppressWarnings("unchecked")
  public static synchronized void json() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    var appender = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof ConsoleAppender<?> console) {
      ConsoleAppender<ILoggingEvent> c = (ConsoleAppender<ILoggingEvent>) console;
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(ctx);
      encoder.setWithFormattedMessage(true);
      encoder.setWithMessage(false); // the pattern; formattedMessage has it with the arguments filled in
      encoder.setWithArguments(false);
      encoder.setWithContext(false);
      encoder.setWithSequenceNumber(false);
      encoder.setWithNanoseconds(false);
      encoder.start();
      c.stop();
      c.setEncoder(encoder);
      c.start();
    }
  }
}
