package io.fairtender.cli;

import io.fairtender.Checker;
import picocli.CommandLine;

/** Prints the checker's version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {Checker.NAME + " " + Checker.VERSION};
  }
}
