package io.fairtender.server.db;

/** The server's database could not be opened, migrated, read or written. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
