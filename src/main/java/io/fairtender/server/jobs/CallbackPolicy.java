package io.fairtender.server.jobs;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which callback URLs a job may post to: http(s) only, no user info, only when a webhook secret is set; when the
 * operator lists callback hosts only those; loopback and link-local addresses only when listed, loopback also when the
 * server itself listens on loopback only (a local setup). At submission host names are compared as written; before
 * each delivery the name is resolved and every address it resolves to must pass the same loopback and link-local test
 * ({@link #allowsAddresses}), so a public name pointing at 127.0.0.1 or 169.254.169.254 is not called.
 */
public final class CallbackPolicy {
  private final boolean enabled;
  private final Set<String> hosts;
  private final boolean loopbackServer;

  private CallbackPolicy(boolean enabled, List<String> hosts, boolean loopbackServer) {
    this.enabled = enabled;
    this.hosts = hosts.stream().map(CallbackPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    this.loopbackServer = loopbackServer;
  }

  public static CallbackPolicy of(JobSettings s) {
    return new CallbackPolicy(s.webhookSecret() != null, s.callbackHosts(), s.loopbackServer());
  }

  /** The callback URL, or null when none was given; a URL that may not be used is a 400 (BAD_REQUEST). */
  public URI check(String callback) {
    if (callback == null || callback.isBlank()) {
      return null;
    }
    if (!enabled) {
      throw bad("callbacks are off: the server has no webhook secret (serve --webhook-secret or FAIRTENDER_WEBHOOK_SECRET)");
    }
    URI uri;
    try {
      uri = new URI(callback.strip());
    } catch (URISyntaxException e) {
      throw bad("callback is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw bad("callback must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw bad("callback must name a host, without user info or fragment");
    }
    String host = normalise(uri.getHost());
    boolean listed = hosts.contains(host);
    if (!hosts.isEmpty() && !listed) {
      throw bad("callback host '" + host + "' is not in the server's list of callback hosts");
    }
    if (loopback(host) && !listed && !loopbackServer) {
      throw bad("callback to a loopback address is not allowed unless listed in --callback-hosts");
    }
    if (linkLocalOrAny(host) && !listed) {
      throw bad("callback to a link-local or unspecified address is not allowed unless listed in --callback-hosts");
    }
    return uri;
  }

  /**
   * True when every address {@code host} resolves to may be called: loopback ones only when the host is listed or the
   * server is on loopback, link-local and unspecified ones only when listed. A name that does not resolve is false.
   */
  public boolean allowsAddresses(String host) {
    String h = normalise(host);
    if (hosts.contains(h)) {
      return true;
    }
    try {
      for (java.net.InetAddress a : java.net.InetAddress.getAllByName(h)) {
        if (a.isLoopbackAddress() && !loopbackServer || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
          return false;
        }
      }
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static CheckException bad(String message) {
    return new CheckException(ErrorCode.BAD_REQUEST, message);
  }

  private static String normalise(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  static boolean loopback(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1") || host.startsWith("::ffff:127.");
  }

  private static boolean linkLocalOrAny(String host) {
    return host.startsWith("169.254.") || host.startsWith("fe80:") || host.equals("0.0.0.0") || host.equals("::")
        || host.startsWith("0.");
  }
}
