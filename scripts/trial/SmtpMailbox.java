import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server for trials: listens on 127.0.0.1:PORT, offers AUTH PLAIN and LOGIN (the prod profile turns
 * mail.smtp.auth on) and accepts any credentials, and writes each message as DIR/NNNN.eml.
 *
 * <p>Usage: {@code java scripts/trial/SmtpMailbox.java PORT DIR}
 */
public class SmtpMailbox {
  private static final AtomicInteger COUNT = new AtomicInteger();

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("smtp-mailbox: listening on 127.0.0.1:" + port + ", messages in " + dir);
      while (true) {
        Socket client = server.accept();
        Thread session = new Thread(() -> session(client, dir));
        session.setDaemon(true);
        session.start();
      }
    }
  }

  static void session(Socket client, Path dir) {
    try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
        StandardCharsets.ISO_8859_1)); OutputStream raw = client.getOutputStream()) {
      PrintWriter out = new PrintWriter(raw, true, StandardCharsets.ISO_8859_1);
      out.print("220 parkflow-trial ESMTP\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO" -> out.print("250-parkflow-trial\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n");
          case "AUTH" -> {
            if (line.toUpperCase().startsWith("AUTH LOGIN")) {
              out.print("334 VXNlcm5hbWU6\r\n");
              out.flush();
              in.readLine();
              out.print("334 UGFzc3dvcmQ6\r\n");
              out.flush();
              in.readLine();
            } else if (line.trim().equalsIgnoreCase("AUTH PLAIN")) {
              out.print("334 \r\n");
              out.flush();
              in.readLine();
            }
            out.print("235 2.7.0 accepted\r\n");
          }
          case "DATA" -> {
            out.print("354 end with .\r\n");
            out.flush();
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
            Path file = dir.resolve(String.format("%04d.eml", COUNT.incrementAndGet()));
            Files.writeString(file, message, StandardCharsets.ISO_8859_1);
            out.print("250 queued as " + file.getFileName() + "\r\n");
          }
          case "QUIT" -> {
            out.print("221 bye\r\n");
            out.flush();
            return;
          }
          default -> out.print("250 ok\r\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away; whatever it did not finish it sends again
    }
  }
}
