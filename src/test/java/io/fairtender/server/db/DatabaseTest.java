package io.fairtender.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening skips Flyway only when its history says the newest script was applied; otherwise Flyway decides. */
class DatabaseTest {
  @TempDir
  Path dir;

  @Test
  void theSchemaVersionIsTheNewestScriptOfEveryVendor() throws Exception {
    for (String vendor : new String[] {"sqlite", "postgresql"}) {
      Path scripts = Path.of(Database.class.getResource("/db/migration/" + vendor).toURI());
      int newest = 0;
      try (Stream<Path> files = Files.list(scripts)) {
        for (Path f : files.toList()) {
          Matcher m = Pattern.compile("V(\\d+)__.*\\.sql").matcher(f.getFileName().toString());
          if (m.matches()) {
            newest = Math.max(newest, Integer.parseInt(m.group(1)));
          }
        }
      }
      assertEquals(newest, Database.SCHEMA_VERSION, vendor);
    }
  }

  @Test
  void aNewDatabaseIsMigratedAndThenKnownToBeCurrent() throws Exception {
    Database db = Database.open(DbSettings.embedded(dir));
    assertTrue(db.current());
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("create table probe (x integer)");
      st.execute("insert into probe values (7)");
    }
    Database again = Database.open(DbSettings.embedded(dir)); // the quick path: the data stays as it was
    try (Connection c = again.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select x from probe")) {
      assertTrue(rs.next());
      assertEquals(7, rs.getInt(1));
    }
  }

  @Test
  void aFailedOrMissingHistoryIsLeftToFlyway() throws Exception {
    Database db = Database.open(DbSettings.embedded(dir));
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("update flyway_schema_history set success = 0");
    }
    assertFalse(db.current(), "a failed script");
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("drop table flyway_schema_history");
    }
    assertFalse(db.current(), "no history");
  }
}
