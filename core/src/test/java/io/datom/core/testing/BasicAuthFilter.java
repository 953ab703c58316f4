package io.datom.core.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Lets through only requests with HTTP Basic credentials {@code user:password}, marking them as that user so that
 * JGit's default receive-pack factory accepts their pushes; everything else gets 401 and a Basic challenge.
 */
final class BasicAuthFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final String user;
  private final String expectedHeader;

  BasicAuthFilter(String user, String password) {
    this.user = user;
    this.expectedHeader =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!expectedHeader.equals(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"datom-test\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRemoteUser() {
            return user;
          }

          @Override
          public String getAuthType() {
            return HttpServletRequest.BASIC_AUTH;
          }
        },
        response);
  }
}
