package io.fairtender.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accepts only known Host headers when the server listens on loopback, so a web page cannot reach it through
 * DNS rebinding. On other addresses every host is accepted unless hosts are configured.
 */
final class HostCheck {
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");
  private final Set<String> allowed;

  private HostCheck(Set<String> allowed) {
    this.allowed = allowed;
  }

  /** The check for a server bound to {@code bind} with extra {@code configured} host names ("*" for any). */
  static HostCheck of(String bind, List<String> configured) {
    if (configured.contains("*")) {
      return new HostCheck(Set.of());
    }
    Set<String> names = new HashSet<>();
    for (String h : configured) {
      names.add(h.strip().toLowerCase(Locale.ROOT));
    }
    if (isLoopback(bind)) {
      names.addAll(LOOPBACK_NAMES);
    }
    return new HostCheck(Set.copyOf(names));
  }

  static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True if a request with this Host header (null when absent, as in HTTP/1.0) may be served. */
  boolean accepts(String hostHeader) {
    if (allowed.isEmpty() || hostHeader == null) {
      return true;
    }
    return allowed.contains(hostName(hostHeader.strip().toLowerCase(Locale.ROOT)));
  }

  /** The host without its port: {@code [::1]:8080} gives {@code [::1]}, {@code localhost:80} gives {@code localhost}. */
  static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
