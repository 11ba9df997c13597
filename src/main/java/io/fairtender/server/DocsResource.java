package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code GET /docs/}: the browsable API description, Swagger UI from the {@code org.webjars:swagger-ui} jar (no CDN),
 * opened on this server's own {@code /openapi.json}. Our page and start script come from {@code /docs/} in our
 * resources, the UI's scripts and styles from the webjar; nothing else on the class path can be named.
 */
@Path("/docs")
public final class DocsResource {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
  private static final Map<String, String> TYPES = Map.of("js", "application/javascript;charset=UTF-8",
      "css", "text/css;charset=UTF-8", "html", "text/html;charset=UTF-8", "png", "image/png");
  private final String webjar;

  public DocsResource() {
    this.webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
  }

  /** The page; {@code /docs} without the slash is sent to {@code /docs/} so the page's relative links resolve. */
  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response page(@Context UriInfo uri) {
    if (!uri.getPath().endsWith("/")) {
      return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("docs/")).build();
    }
    return asset("index.html");
  }

  /** A script, style sheet or icon of the page. */
  @GET
  @Path("{file}")
  public Response asset(@PathParam("file") String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    InputStream in = null;
    if (type != null && NAME.matcher(file).matches()) {
      in = DocsResource.class.getResourceAsStream("/docs/" + file);
      if (in == null) {
        in = DocsResource.class.getResourceAsStream(webjar + file);
      }
    }
    if (in == null) {
      throw new CheckException(ErrorCode.NOT_FOUND, "no such file in the API documentation: " + file);
    }
    try (InputStream body = in) {
      CacheControl cache = new CacheControl();
      cache.setMaxAge(file.equals("index.html") ? 0 : 3600);
      return Response.ok(body.readAllBytes(), type).cacheControl(cache).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The swagger-ui version on the class path, from the webjar's own Maven metadata. */
  static String webjarVersion() {
    try (InputStream in = DocsResource.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
