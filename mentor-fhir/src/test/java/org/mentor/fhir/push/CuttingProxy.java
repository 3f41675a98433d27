package org.mentor.fhir.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test server that cuts connections after the request went through: when armed, the
 * first bytes of an answer coming back make it close both sides, so the server has processed (and committed) the
 * request but the client never reads the answer. What a server cannot be made to do, a network does.
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int upstreamPort;
  private final AtomicInteger armed = new AtomicInteger();
  private final AtomicInteger cuts = new AtomicInteger();
  private volatile boolean closed;

  CuttingProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "cutting-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/fhir";
  }

  void arm(int count) {
    armed.addAndGet(count);
  }

  void disarm() {
    armed.set(0);
  }

  int cuts() {
    return cuts.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean answers) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (answers && armed.getAndUpdate(a -> a > 0 ? a - 1 : 0) > 0) {
            cuts.incrementAndGet();
            break; // the answer is dropped: close both sides
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
  }
}
