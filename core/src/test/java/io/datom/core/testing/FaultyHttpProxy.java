package io.datom.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy for tests that sits in front of an S3 server (s3proxy) and misbehaves for a fraction of
 * requests: it answers 500 or 503 itself, delays the request, or drops the connection, either before forwarding the
 * request (it never arrives) or after (it was carried out, but the client never hears so). Plain sockets, one request
 * per connection: the forwarded request and the relayed response say {@code Connection: close}.
 *
 * <p>Which request gets which fault is decided by a seeded hash of the request's method, path and how many times that
 * method and path were requested before, so the same sequence of requests meets the same faults in every run. Clients
 * sign requests for the proxy's {@code Host}, which is forwarded unchanged, so signatures still verify.
 */
public final class FaultyHttpProxy implements AutoCloseable {

  /** What the proxy does to one request. */
  public enum Fault {
    NONE, ERROR_500, ERROR_503, DELAY, DROP_BEFORE_FORWARDING, DROP_AFTER_FORWARDING
  }

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final long seed;
  private volatile double faultRate;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
  /** One lock per key for conditional writes (see {@link #forwardAtomically}). */
  private final Map<String, Object> conditionalWrites = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);
  private final List<String> log = new ArrayList<>();
  private volatile boolean open = true;

  private FaultyHttpProxy(ServerSocket server, URI upstream, long seed, double faultRate) {
    this.server = server;
    this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    this.seed = seed;
    this.faultRate = faultRate;
    for (Fault fault : Fault.values()) {
      counts.put(fault, new AtomicInteger());
    }
    Thread acceptor = new Thread(this::accept, "faulty-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy on 127.0.0.1 and a free port in front of {@code upstream} ({@code http://host:port}). */
  public static FaultyHttpProxy start(URI upstream, long seed, double faultRate) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new FaultyHttpProxy(server, upstream, seed, faultRate);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the faulty proxy", e);
    }
  }

  /** The URL clients use instead of the upstream's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Changes the fraction of requests that meet a fault, from now on. */
  public void faultRate(double rate) {
    this.faultRate = rate;
  }

  /** How many requests met each fault (including {@link Fault#NONE}). */
  public Map<Fault, Integer> counts() {
    Map<Fault, Integer> copy = new EnumMap<>(Fault.class);
    counts.forEach((fault, n) -> copy.put(fault, n.get()));
    return copy;
  }

  /** The faults dealt, one line each ({@code fault method path}), in order. */
  public synchronized List<String> faultLog() {
    return List.copyOf(log);
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        pool.execute(() -> handle(client));
      } catch (IOException e) {
        if (open) {
          continue;
        }
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (Socket c = client) {
      c.setSoTimeout(60_000);
      InputStream in = c.getInputStream();
      OutputStream out = c.getOutputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      Request request = Request.parse(head);
      Fault fault = decide(request);
      counts.get(fault).incrementAndGet();
      if (fault != Fault.NONE) {
        synchronized (this) {
          log.add(fault + " " + request.method + " " + request.path);
        }
      }
      switch (fault) {
        case ERROR_500, ERROR_503 -> {
          if (!request.expectContinue) {
            readBody(in, request);
          }
          out.write(error(fault == Fault.ERROR_503 ? 503 : 500, request.method.equals("HEAD")));
          out.flush();
          return;
        }
        case DROP_BEFORE_FORWARDING -> {
          reset(c);
          return;
        }
        case DELAY -> sleep(200 + new SplittableRandom(seed ^ request.key().hashCode()).nextInt(1300));
        default -> {
          // forwarded below
        }
      }
      if (request.expectContinue) {
        out.write(CONTINUE);
        out.flush();
      }
      byte[] body = readBody(in, request);
      byte[] response = request.conditional() ? forwardAtomically(request, body)
          : forward(request.forwardedHead(), body);
      if (fault == Fault.DROP_AFTER_FORWARDING) {
        reset(c);
        return;
      }
      out.write(response);
      out.flush();
    } catch (IOException e) {
      // The client went away; nothing to relay.
    }
  }

  private Fault decide(Request request) {
    int n = occurrences.computeIfAbsent(request.key(), k -> new AtomicInteger()).getAndIncrement();
    SplittableRandom random = new SplittableRandom(seed * 31 + request.key().hashCode() * 1_000_003L + n);
    if (random.nextDouble() >= faultRate) {
      return Fault.NONE;
    }
    Fault[] faults = {Fault.ERROR_500, Fault.ERROR_503, Fault.DELAY, Fault.DROP_BEFORE_FORWARDING,
        Fault.DROP_AFTER_FORWARDING};
    return faults[random.nextInt(faults.length)];
  }

  /**
   * s3proxy checks a write's {@code If-Match}/{@code If-None-Match} and then writes, so two conditional writes of one
   * key can both pass the check; S3 decides them atomically. Serialising them per key here gives the writers behind
   * this proxy S3's semantics, so a test sees the faults it deals, not s3proxy's race.
   */
  private byte[] forwardAtomically(Request request, byte[] body) throws IOException {
    synchronized (conditionalWrites.computeIfAbsent(request.path(), k -> new Object())) {
      return forward(request.forwardedHead(), body);
    }
  }

  private byte[] forward(byte[] head, byte[] body) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(upstream, 10_000);
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(head);
      out.write(body);
      out.flush();
      return s.getInputStream().readAllBytes();
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // Closing is enough.
    }
  }

  private static byte[] error(int status, boolean head) {
    String code = status == 503 ? "SlowDown" : "InternalError";
    String reason = status == 503 ? "Service Unavailable" : "Internal Server Error";
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
        + "</Code><Message>injected by the test proxy</Message><RequestId>faulty</RequestId></Error>";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String response = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
        + bytes.length + "\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(response.getBytes(StandardCharsets.US_ASCII));
    if (!head) {
      all.writeBytes(bytes);
    }
    return all.toByteArray();
  }

  /** The request line and headers up to the blank line; {@code null} at end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** The body exactly as sent (chunk framing included). */
  private static byte[] readBody(InputStream in, Request request) throws IOException {
    if (request.chunked) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in, body);
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
          while (!readLine(in, body).isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        body.writeBytes(in.readNBytes(size));
        readLine(in, body);
      }
    }
    return in.readNBytes((int) request.contentLength);
  }

  private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      copy.write(b);
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A parsed request head. */
  private record Request(String method, String target, String path, List<String> headerLines, long contentLength, boolean chunked,
      boolean expectContinue) {

    static Request parse(byte[] head) {
      String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] requestLine = lines[0].split(" ");
      List<String> headers = new ArrayList<>();
      long length = 0;
      boolean chunked = false;
      boolean expect = false;
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isEmpty()) {
          continue;
        }
        headers.add(lines[i]);
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "expect" -> expect = value.equalsIgnoreCase("100-continue");
          default -> { }
        }
      }
      String target = requestLine[1];
      int query = target.indexOf('?');
      return new Request(requestLine[0], target, query < 0 ? target : target.substring(0, query), headers, length,
          chunked, expect);
    }

    String key() {
      return method + " " + path;
    }

    /** A write that S3 performs only if the stored object's ETag matches, or only if there is none. */
    boolean conditional() {
      return method.equals("PUT") && headerLines.stream().map(h -> h.toLowerCase(Locale.ROOT))
          .anyMatch(h -> h.startsWith("if-match:") || h.startsWith("if-none-match:"));
    }

    /** The head as forwarded: without {@code Expect} (the proxy answered it) and with {@code Connection: close}. */
    byte[] forwardedHead() {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      for (String line : headerLines) {
        String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
        if (!name.equals("expect") && !name.equals("connection")) {
          head.append(line).append("\r\n");
        }
      }
      head.append("Connection: close\r\n\r\n");
      return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** Stops accepting connections. */
  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    pool.shutdownNow();
  }
}
