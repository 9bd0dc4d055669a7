package io.newsmon.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A local broker's TLS material, in the shape Strimzi hands newsmon on Kubernetes: a self-signed
 * CA, the broker's key and certificate (for 127.0.0.1 and localhost) signed by it, and a PKCS12
 * truststore holding the CA's certificate alone, which is what a client is given. Made with the
 * JDK's {@code keytool}, so no crypto code and no dependency: the tests exercise the same JSSE
 * handshake a pod does.
 *
 * @param dir where the three PKCS12 files are written
 * @param password the password of every store and key; a client needs it for the truststore
 */
public record TlsStores(Path dir, String password) {

  /** The store type of every file: Strimzi's {@code ca.p12} is PKCS12 too. */
  public static final String TYPE = "PKCS12";

  private static final String CA = "newsmon-local-ca";
  private static final String BROKER = "broker";
  private static final String VALIDITY_DAYS = "30";
  private static final String PASSWORD_VARIABLE = "NEWSMON_LOCAL_TLS_STOREPASS";

  public TlsStores {
    Objects.requireNonNull(dir, "dir");
    if (password == null || password.length() < 6) {
      throw new IllegalArgumentException("keytool wants store passwords of 6 characters or more");
    }
  }

  /** Stores in {@code dir} under a fresh random password. */
  public static TlsStores withRandomPassword(Path dir) {
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    return new TlsStores(dir, HexFormat.of().formatHex(secret));
  }

  /** The broker's key and certificate chain. */
  public Path keystore() {
    return dir.resolve("broker.p12");
  }

  /** The CA's certificate alone: what clients trust the broker by. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  /**
   * Writes a new CA, broker key pair and truststore, replacing any there: a store from an earlier
   * start has another password, and a certificate that outlived its validity would fail the
   * handshake of a broker resumed much later.
   */
  public void create() {
    try {
      Files.createDirectories(dir);
      Path ca = dir.resolve("ca.p12");
      Path caCert = dir.resolve("ca.crt");
      Path request = dir.resolve("broker.csr");
      Path brokerCert = dir.resolve("broker.crt");
      for (Path old : List.of(ca, caCert, request, brokerCert, keystore(), truststore())) {
        Files.deleteIfExists(old);
      }
      // The CA: its own key pair, marked as a CA so the chain it signs is valid.
      keytool("-genkeypair", "-alias", CA, "-dname", "CN=" + CA, "-ext", "bc:c", "-keystore", ca);
      keytool("-exportcert", "-rfc", "-alias", CA, "-file", caCert, "-keystore", ca);
      // The broker's key pair, its certificate signed by the CA for the addresses clients dial:
      // clients verify the host name (ssl.endpoint.identification.algorithm=https by default).
      keytool("-genkeypair", "-alias", BROKER, "-dname", "CN=localhost", "-keystore", keystore());
      keytool("-certreq", "-alias", BROKER, "-file", request, "-keystore", keystore());
      keytool(
          "-gencert",
          "-rfc",
          "-alias",
          CA,
          "-infile",
          request,
          "-outfile",
          brokerCert,
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-ext",
          "eku=serverAuth,clientAuth",
          "-keystore",
          ca);
      // The signed certificate replaces the self-signed one once keytool can build its chain.
      keytool("-importcert", "-noprompt", "-alias", CA, "-file", caCert, "-keystore", keystore());
      keytool("-importcert", "-alias", BROKER, "-file", brokerCert, "-keystore", keystore());
      keytool("-importcert", "-noprompt", "-alias", CA, "-file", caCert, "-keystore", truststore());
      // Only the broker keystore and the truststore are used; the CA's key is not kept around.
      for (Path scratch : List.of(ca, caCert, request, brokerCert)) {
        Files.delete(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TLS stores in " + dir, e);
    }
  }

  private void keytool(Object... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object arg : args) {
      command.add(arg.toString());
    }
    // EC keys are made in milliseconds, RSA ones take long on a busy machine.
    if (command.contains("-genkeypair")) {
      command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    }
    if (command.contains("-genkeypair") || command.contains("-gencert")) {
      command.addAll(List.of("-validity", VALIDITY_DAYS));
    }
    // The password through the environment: a command line is visible to every local user.
    command.addAll(List.of("-storetype", TYPE, "-storepass:env", PASSWORD_VARIABLE));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put(PASSWORD_VARIABLE, password);
    Process process = builder.redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " did not finish");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output.strip());
    }
  }

  @Override
  public String toString() {
    return "TlsStores[" + dir + "]"; // never the password
  }
}
