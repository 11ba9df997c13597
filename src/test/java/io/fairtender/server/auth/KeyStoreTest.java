package io.fairtender.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
  @TempDir
  Path dir;

  @Test
  void onlyTheHashIsStored() throws Exception {
    KeyStore store = new KeyStore(Database.open(DbSettings.embedded(dir)));
    KeyStore.Created c = store.create("buyer-a", true, 3, 100, 1234);
    assertTrue(c.secret().startsWith("ft_"));
    assertTrue(c.secret().length() >= 46, "256 random bits");
    assertNotEquals(c.secret(), store.create("buyer-a", false, 0, 0, 1235).secret());
    List<ApiKey> keys = store.list();
    assertEquals(2, keys.size());
    ApiKey k = keys.get(0);
    assertEquals("buyer-a", k.tenant());
    assertTrue(k.admin());
    assertEquals(3, k.maxConcurrent());
    assertEquals(100, k.dailyQuota());
    assertFalse(k.revoked());
    assertEquals(k, store.valid().get(Secrets.hash(c.secret())));
    // the secret appears in no file of the database (main file and WAL)
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(c.secret().substring(3)), f.toString());
      }
    }
  }

  @Test
  void tenantNamesArePlain() {
    KeyStore store = new KeyStore(Database.open(DbSettings.embedded(dir)));
    assertThrows(IllegalArgumentException.class, () -> store.create("a b", false, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> store.create("", false, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> store.create("ok", false, -1, 0, 0));
  }

  @Test
  void hashIsSha256Hex() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
  }
}
