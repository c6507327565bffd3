package cn.parkflow.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The GreenMail SMTP server the tests send to. Its port is {@code parkflow.test.smtp-port} (default 3025), the same
 * property {@code application-test.yaml} reads, so two test runs on one machine can use different ports.
 */
public final class TestSmtp {
  public static final int PORT = Integer.getInteger("parkflow.test.smtp-port", 3025);
  public static final ServerSetup SETUP = new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP);

  private TestSmtp() {}
}
