package io.newsmon.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, so parallel local runs and tests never collide on a fixed port. */
public final class LocalPorts {

  private LocalPorts() {}

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
