package io.fairtender.cli;

import io.fairtender.CheckException;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.analyse.policy.PolicyResult;
import io.fairtender.report.ReportJson;
import io.fairtender.server.PolicyResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairtender policy FACTS.json}: SME-policy verdicts for structured facts. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "按结构化事实评估中小企业政策 / Evaluate the SME policy for facts given as JSON.",
    footer = {"", "Exit codes: 0 no failed check, 4 a check failed, 1 unreadable facts, 2 usage."})
public final class PolicyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FACTS.json", description = "Facts in the report's `facts` shape (absent facts: not stated); - for stdin.")
  String file;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Apply the rules in force on this date (default: documentDate, else today).")
  LocalDate asOf;

  @Option(names = "--province", description = "Add this province's rules (e.g. 山东).")
  String province;

  @Option(names = "--policy-params", paramLabel = "FILE", description = "YAML overriding SME-policy parameters.")
  Path policyParams;

  @Option(names = "--lang", defaultValue = "zh", description = "zh or en. Default: ${DEFAULT-VALUE}.")
  String lang;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String json;
    try {
      json = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    } catch (IOException e) {
      spec.commandLine().getErr().println("fairtender: cannot read " + file + ": " + e.getMessage());
      return Main.EXIT_ERROR;
    }
    try {
      Checker checker = Configuration.checker(CheckerConfig.defaults().withPolicyParams(policyParams));
      PolicyResult r = checker.evaluatePolicy(PolicyResource.parse(json), asOf, province, lang.equals("en"));
      out.println(ReportJson.pretty(r));
      out.flush();
      return r.checks().stream().anyMatch(c -> c.status().equals(PolicyCheck.FAIL)) ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    } catch (CheckException e) {
      spec.commandLine().getErr().println("fairtender: " + e.code() + ": " + e.getMessage());
      return Main.EXIT_ERROR;
    }
  }
}
