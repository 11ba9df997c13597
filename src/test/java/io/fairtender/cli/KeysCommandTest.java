package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.auth.Secrets;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairtender keys create|list|revoke} against an embedded database in a temp folder. */
class KeysCommandTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void createListRevoke() {
    Run created = run("keys", "create", "--tenant", "buyer-a", "--admin", "--max-concurrent", "2", "--daily-quota", "50",
        "--data-dir", dir.toString());
    assertEquals(0, created.code(), created.err());
    String secret = created.out().strip();
    assertTrue(secret.startsWith("ft_") && !secret.contains("\n"), "only the key on stdout: " + created.out());
    assertTrue(created.err().contains("shown only this once"), created.err());
    // the key works against the store the server reads
    KeyStore store = new KeyStore(Database.open(DbSettings.embedded(dir)));
    String id = store.valid().get(Secrets.hash(secret)).id();

    Run list = run("keys", "--data-dir", dir.toString(), "list");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains(id) && list.out().contains("buyer-a") && list.out().contains("50"), list.out());
    assertFalse(list.out().contains(secret.substring(3)), "never the secret");

    Run revoke = run("keys", "revoke", id, "--data-dir", dir.toString());
    assertEquals(0, revoke.code(), revoke.err());
    assertTrue(store.valid().isEmpty());
    Run again = run("keys", "revoke", id, "--data-dir", dir.toString());
    assertEquals(1, again.code());
    assertTrue(again.err().contains("no valid key"), again.err());
  }

  @Test
  void badInputIsAUsageError() {
    Run badTenant = run("keys", "create", "--tenant", "a b", "--data-dir", dir.toString());
    assertEquals(2, badTenant.code(), badTenant.err());
    assertTrue(badTenant.err().contains("tenant"), badTenant.err());
    Run badUrl = run("keys", "list", "--db-url", "jdbc:mysql://x/y");
    assertEquals(2, badUrl.code(), badUrl.err());
    assertTrue(badUrl.err().contains("--db-url"), badUrl.err());
    Run noTenant = run("keys", "create", "--data-dir", dir.toString());
    assertEquals(2, noTenant.code());
  }
}
