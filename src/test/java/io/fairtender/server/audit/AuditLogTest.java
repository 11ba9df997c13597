package io.fairtender.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir
  Path dir;

  static AuditRecord row(String tenant, long at, String requestId) {
    return new AuditRecord(0, tenant, at, requestId, "a".repeat(64), 10, 1, 0, "text/plain", "government", "2026-01-01",
        5, AuditRecord.OK, 1, 2, 3);
  }

  @Test
  void closeWritesEveryQueuedRecord() {
    AuditStore store = new AuditStore(Database.open(DbSettings.embedded(dir)));
    AuditLog log = new AuditLog(store::insert, 10_000, System::currentTimeMillis);
    for (int i = 0; i < 3000; i++) {
      log.add(row("t" + (i % 3), 1000 + i, "req-" + i));
    }
    log.close();
    assertEquals(3000, store.count());
    assertEquals(3000, log.written());
    assertEquals(0, log.dropped());
    assertEquals(Map.of("t0", 1000L, "t1", 1000L, "t2", 1000L), store.countByTenantSince(0));
  }

  @Test
  void aCheckIsRecordedWithoutItsTextOrName() throws Exception {
    AuditStore store = new AuditStore(Database.open(DbSettings.embedded(dir)));
    Checker checker = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF));
    String secretText = "投标人注册资本不低于五千万元，须在本市设立分公司。";
    DocumentInput in = new DocumentInput(("一、资格要求\n" + secretText).getBytes(StandardCharsets.UTF_8), "机密标书.txt", "text/plain");
    Report r = checker.check(in, CheckOptions.defaults());
    try (AuditLog log = new AuditLog(store::insert, 100, () -> 42_000L)) {
      log.checked(new Caller("buyer-a", "req-1"), in, CheckOptions.defaults(), r, null, 7_000_000);
      log.checked(new Caller("buyer-b", "req-2"), in, CheckOptions.defaults(), null, ErrorCode.CORRUPT, 1_000_000);
    }
    List<AuditRecord> rows = store.page(new AuditQuery(0, null, null, null, 10));
    assertEquals(2, rows.size());
    AuditRecord ok = rows.get(0);
    assertEquals("buyer-a", ok.tenant());
    assertEquals(42_000L, ok.atMillis());
    assertEquals("req-1", ok.requestId());
    assertEquals(Checker.sha256(in.data()), ok.sha256());
    assertEquals(in.data().length, ok.bytes());
    assertEquals(1, ok.pages());
    assertEquals("text/plain", ok.mediaType());
    assertEquals(r.regime().profile(), ok.profile());
    assertEquals(r.asOf().date(), ok.asOf());
    assertEquals(7, ok.durationMs());
    assertEquals("ok", ok.outcome());
    long violations = r.findings().stream().filter(f -> f.severity().equals("violation")).count();
    assertEquals(violations, ok.violations());
    assertEquals(r.findings().size(), ok.violations() + ok.risks() + ok.infos());
    assertTrue(r.findings().size() > 0, "the sample has findings to count");
    AuditRecord refused = rows.get(1);
    assertEquals("CORRUPT", refused.outcome());
    assertNull(refused.pages());
    // nothing of the text or the file name is anywhere in the database files
    for (Path f : Files.list(dir).filter(Files::isRegularFile).toList()) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      assertFalse(bytes.contains("五千万"), f.toString());
      assertFalse(bytes.contains("机密标书"), f.toString());
    }
  }

  @Test
  void pagesByCursorTenantAndTime() {
    AuditStore store = new AuditStore(Database.open(DbSettings.embedded(dir)));
    List<AuditRecord> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(row(i % 2 == 0 ? "even" : "odd", i * 1000L, "r" + i));
    }
    store.insert(rows);
    List<String> seen = new ArrayList<>();
    long cursor = 0;
    for (int pages = 0; pages < 10; pages++) {
      List<AuditRecord> page = store.page(new AuditQuery(cursor, "even", 2000L, 20_000L, 3));
      page.forEach(r -> seen.add(r.requestId()));
      if (page.size() < 3) {
        break;
      }
      cursor = page.get(page.size() - 1).id();
    }
    assertEquals(List.of("r2", "r4", "r6", "r8", "r10", "r12", "r14", "r16", "r18"), seen);
    assertThrows(IllegalArgumentException.class, () -> new AuditQuery(0, null, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new AuditQuery(0, null, null, null, AuditQuery.MAX_LIMIT + 1));
  }

  @Test
  void retentionDeletesOldRowsOnly() {
    AuditStore store = new AuditStore(Database.open(DbSettings.embedded(dir)));
    long day = 86_400_000L;
    store.insert(List.of(row("a", 1 * day, "old"), row("a", 9 * day, "new")));
    Retention r = new Retention(store, java.time.Duration.ofDays(5), () -> 10 * day);
    assertEquals(1, r.purge());
    assertEquals(List.of("new"), store.page(new AuditQuery(0, null, null, null, 10)).stream().map(AuditRecord::requestId).toList());
    assertThrows(IllegalArgumentException.class, () -> new Retention(store, java.time.Duration.ZERO, () -> 0L));
  }

  @Test
  void aFailingDatabaseIsRetriedNotLost() {
    AuditStore real = new AuditStore(Database.open(DbSettings.embedded(dir)));
    AtomicInteger failures = new AtomicInteger(2);
    // a database whose first two writes fail
    AuditLog log = new AuditLog(batch -> {
      if (failures.getAndDecrement() > 0) {
        throw new io.fairtender.server.db.DatabaseException("connection refused", null);
      }
      real.insert(batch);
    }, 100, () -> 0L);
    log.add(row("a", 1, "r1"));
    log.close();
    assertEquals(1, real.count());
    assertEquals(1, log.written());
    assertEquals(0, log.dropped());
  }

  @Test
  void timeParsing() {
    assertEquals(86_400_000L, AuditResource.time("1970-01-01", true, "to"));
    assertEquals(0L, AuditResource.time("1970-01-01", false, "from"));
    assertEquals(1000L, AuditResource.time("1970-01-01T00:00:01Z", false, "from"));
    assertNull(AuditResource.time(" ", false, "from"));
    assertThrows(IllegalArgumentException.class, () -> AuditResource.time("yesterday", false, "from"));
  }
}
