package io.fairtender.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Jersey, Grizzly) into SLF4J once. */
public final class Logging {
  private static boolean done;

  private Logging() {}

  public static synchronized void init() {
    if (!done) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
      done = true;
    }
  }
}
