package io.fairtender.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fairtender} command: check, rules, serve, bench. */
@Command(name = "fairtender", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "检查政府采购文件中对中小企业的歧视性条款 / Checks procurement documents for clauses that discriminate against SMEs.",
    subcommands = {CheckCommand.class, ScanCommand.class, RulesCommand.class, ServeCommand.class, BenchCommand.class, EvalCommand.class, PolicyCommand.class, TrainCommand.class})
public final class Main implements Runnable {
  /** No findings. */
  public static final int EXIT_CLEAN = 0;
  /** A document could not be read, or another error. */
  public static final int EXIT_ERROR = 1;
  /** Bad command line. */
  public static final int EXIT_USAGE = 2;
  /** Findings were reported. */
  public static final int EXIT_FINDINGS = 4;
  /**
   * Every document was checked, but some pages were not (the time limit came first, no text layer and no OCR, a page
   * too large for OCR, the OCR page cap): their findings may be missing. Takes precedence over {@link #EXIT_FINDINGS}.
   */
  public static final int EXIT_PAGES_UNCHECKED = 8;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int run(String... args) {
    return run(new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), args);
  }

  /** Runs the command line writing to the given streams. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    Logging.init();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> EXIT_ERROR);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("fairtender: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigurationError) {
        cmd.getErr().println("fairtender: " + ex.getMessage());
        return EXIT_USAGE;
      }
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("unexpected failure", ex);
      cmd.getErr().println("fairtender: internal error: " + ConfigurationError.reason(ex));
      return EXIT_ERROR;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check, rules, serve or bench");
  }
}
