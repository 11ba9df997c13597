package io.fairtender.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {
  @Test
  void offByDefault() {
    Cors c = Cors.off();
    assertFalse(c.enabled());
    assertTrue(c.headers("https://portal.example.cn").isEmpty());
    assertFalse(c.isPreflight("OPTIONS", "https://portal.example.cn", "POST"));
  }

  @Test
  void listedOriginsOnly() {
    Cors c = new Cors(List.of("https://Portal.example.cn/"));
    assertEquals("https://portal.example.cn", c.headers("https://portal.example.cn").get("Access-Control-Allow-Origin"));
    assertEquals("Origin", c.headers("https://portal.example.cn").get("Vary"));
    assertTrue(c.headers("https://evil.example").isEmpty());
    assertTrue(c.isPreflight("OPTIONS", "https://portal.example.cn", "POST"));
    assertFalse(c.isPreflight("OPTIONS", "https://evil.example", "POST"));
    assertFalse(c.isPreflight("GET", "https://portal.example.cn", "POST"));
    assertTrue(c.preflightHeaders("https://portal.example.cn").get("Access-Control-Allow-Headers").contains("Authorization"));
  }

  @Test
  void anyOrigin() {
    Cors c = new Cors(List.of("*"));
    assertEquals("*", c.headers("https://x.example").get("Access-Control-Allow-Origin"));
  }
}
