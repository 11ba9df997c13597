package io.fairtender.server.audit;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import io.fairtender.report.ReportJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/audit}: the audit log, oldest first, a page at a time. The front door lets only admin keys in
 * (when keys are on). Query: {@code tenant}, {@code from} and {@code to} (a date, UTC, or an ISO instant; {@code to}
 * as a date includes that whole day), {@code limit} (default 100, at most 1000), {@code cursor} (the
 * {@code nextCursor} of the previous page).
 */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class AuditResource {
  private final AuditStore store;

  public AuditResource(AuditStore store) {
    this.store = store;
  }

  /** One page; {@code nextCursor} is null on the last one (and so absent from the JSON). */
  public record Page(List<Row> items, String nextCursor) {}

  /** A row as the API shows it. */
  public record Row(long id, String tenant, String at, String requestId, String sha256, long bytes, Integer pages,
      Integer ocrPages, String mediaType, String profile, String asOf, long durationMs, String outcome, Counts findings) {
    static Row of(AuditRecord r) {
      return new Row(r.id(), r.tenant(), Instant.ofEpochMilli(r.atMillis()).toString(), r.requestId(), r.sha256(), r.bytes(),
          r.pages(), r.ocrPages(), r.mediaType(), r.profile(), r.asOf(), r.durationMs(), r.outcome(),
          new Counts(r.violations(), r.risks(), r.infos()));
    }
  }

  /** Findings by severity. */
  public record Counts(int violation, int risk, int info) {}

  @GET
  public String list(@QueryParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    AuditQuery q;
    try {
      q = new AuditQuery(cursor(cursor), tenant == null || tenant.isBlank() ? null : tenant.strip(), time(from, false, "from"),
          time(to, true, "to"), limit == null ? 100 : limit);
    } catch (IllegalArgumentException e) {
      throw new CheckException(ErrorCode.BAD_REQUEST, e.getMessage());
    }
    List<AuditRecord> rows = store.page(q);
    String next = rows.size() < q.limit() ? null : Long.toString(rows.get(rows.size() - 1).id());
    return ReportJson.line(new Page(rows.stream().map(Row::of).toList(), next));
  }

  private static long cursor(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor must be the nextCursor of a previous page, not '" + s + "'");
    }
  }

  /** A date (start of that UTC day, or of the next one for an end) or an ISO instant, as epoch ms. */
  static Long time(String s, boolean end, String name) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      return Instant.parse(v).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2026-07-01 or an instant like 2026-07-01T08:00:00Z, not '" + s + "'");
    }
  }
}
