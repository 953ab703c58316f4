package io.datom.core.testing;

import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A git smart-HTTP server for tests, the way a hosted remote (GitHub, say) behaves for datom: JGit's
 * {@link GitServlet} on Jetty, on 127.0.0.1 and a free port, requiring HTTP Basic authentication as user {@code git}
 * with a given token for every request, and accepting pushes from authenticated users.
 *
 * <p>Start one per test class ({@code @BeforeAll}) and {@link #close()} it afterwards.
 */
public final class GitHttpServer implements AutoCloseable {

  private static final String GIT_PATH = "/git";

  private final Server server;
  private final Path baseDir;
  private final String token;

  private GitHttpServer(Server server, Path baseDir, String token) {
    this.server = server;
    this.baseDir = baseDir;
    this.token = token;
  }

  /** Starts a server that accepts user {@code git} with password {@code token}. */
  public static GitHttpServer start(String token) {
    Path baseDir = TempDirs.create("git-http-");
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(new FileResolver<>(baseDir.toFile(), true));

    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(new FilterHolder(new BasicAuthFilter("git", token)), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(git), GIT_PATH + "/*");

    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      TempDirs.deleteRecursively(baseDir);
      throw new IllegalStateException("Could not start the git HTTP server", e);
    }
    return new GitHttpServer(server, baseDir, token);
  }

  /** The token the server accepts. */
  public String token() {
    return token;
  }

  /** Creates an empty bare repository served at {@code http://127.0.0.1:{port}/git/{name}.git}. */
  public BareGitRemote createRepository(String name) {
    String directoryName = name + ".git";
    return BareGitRemote.create(baseDir.resolve(directoryName), baseUrl() + GIT_PATH + "/" + directoryName);
  }

  private String baseUrl() {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return "http://127.0.0.1:" + port;
  }

  /** Stops the server and deletes its repositories. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the git HTTP server", e);
    } finally {
      TempDirs.deleteRecursively(baseDir);
    }
  }
}
