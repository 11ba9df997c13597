package io.fairtender.cli;

import io.fairtender.server.auth.ApiKey;
import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DatabaseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairtender keys create|list|revoke}: API keys of the server's tenants, in the server's database. Once any
 * key exists, the server asks every {@code /v1/*} request for one (within a few seconds, also while it runs).
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "管理API密钥 / Manage the server's API keys (per tenant).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
  @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The server's data folder (default: $FAIRTENDER_DATA_DIR, else ~/.local/share/fairtender).")
  Path dataDir;

  @Mixin
  DatabaseOptions db;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: create, list or revoke");
  }

  KeyStore store() {
    Path dir = dataDir != null ? dataDir : DatabaseOptions.defaultDataDir();
    try {
      return new KeyStore(Database.open(db.settings(dir)));
    } catch (DatabaseException e) {
      throw new ConfigurationError(e.getMessage(), e);
    }
  }

  /** {@code keys create}: prints the new key once. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "新建密钥（仅显示一次）/ Create a key; it is shown once.")
  static final class Create implements Callable<Integer> {
    @ParentCommand
    KeysCommand parent;

    @Option(names = "--tenant", required = true, description = "Tenant the key acts for (letters, digits, . _ -).")
    String tenant;

    @Option(names = "--admin", description = "May read /v1/audit and /metrics.")
    boolean admin;

    @Option(names = "--max-concurrent", defaultValue = "0", paramLabel = "N", description = "Checks the tenant may run at once with this key (0 = no own limit). Default: ${DEFAULT-VALUE}.")
    int maxConcurrent;

    @Option(names = "--daily-quota", defaultValue = "0", paramLabel = "N", description = "Check requests per UTC day (0 = no limit). Default: ${DEFAULT-VALUE}.")
    int dailyQuota;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      KeyStore.Created c;
      try {
        c = parent.store().create(tenant, admin, maxConcurrent, dailyQuota, System.currentTimeMillis());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationError(e.getMessage(), null);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(c.secret());
      out.flush();
      spec.commandLine().getErr().println("key " + c.key().id() + " for tenant " + c.key().tenant()
          + (admin ? " (admin)" : "") + ": 密钥只显示这一次，请妥善保存 / the key is shown only this once; store it safely");
      return Main.EXIT_CLEAN;
    }
  }

  /** {@code keys list}: ids, tenants and limits, never secrets. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "列出密钥 / List keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @ParentCommand
    KeysCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      List<ApiKey> keys = parent.store().list();
      PrintWriter out = spec.commandLine().getOut();
      out.println(String.format("%-16s %-20s %-5s %-14s %-11s %-20s %s", "ID", "TENANT", "ADMIN", "MAX_CONCURRENT",
          "DAILY_QUOTA", "CREATED", "REVOKED"));
      for (ApiKey k : keys) {
        out.println(String.format("%-16s %-20s %-5s %-14s %-11s %-20s %s", k.id(), k.tenant(), k.admin() ? "yes" : "no",
            k.maxConcurrent() == 0 ? "-" : k.maxConcurrent(), k.dailyQuota() == 0 ? "-" : k.dailyQuota(),
            Instant.ofEpochMilli(k.createdAtMs()).toString().substring(0, 19) + "Z",
            k.revoked() ? Instant.ofEpochMilli(k.revokedAtMs()).toString().substring(0, 19) + "Z" : "-"));
      }
      out.flush();
      return Main.EXIT_CLEAN;
    }
  }

  /** {@code keys revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "吊销密钥 / Revoke a key.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand
    KeysCommand parent;

    @Parameters(paramLabel = "ID", description = "The key id shown by 'keys list'.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (!parent.store().revoke(id, System.currentTimeMillis())) {
        spec.commandLine().getErr().println("fairtender: no valid key with id " + id);
        return Main.EXIT_ERROR;
      }
      spec.commandLine().getErr().println("revoked " + id + " (the server stops accepting it within a few seconds)");
      return Main.EXIT_CLEAN;
    }
  }
}
