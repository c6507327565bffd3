package cn.parkflow.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of the mail outbox.
 *
 * @param from          the sender's address, optionally with a display name ({@code 名称 <addr@example.cn>})
 * @param scheduled     whether this node delivers queued messages in the background
 * @param sendInterval  pause between two delivery rounds
 * @param retryInitial  wait after the first failed attempt; doubled after each further failure
 * @param retryMax      the longest wait between two attempts
 * @param maxAttempts   after this many failed attempts a message is given up as {@code failed}
 */
@ConfigurationProperties("parkflow.mail")
public record OutboxProperties(
    @DefaultValue("ParkFlow 园区审批 <noreply@parkflow.local>") String from,
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("PT5S") Duration sendInterval,
    @DefaultValue("PT30S") Duration retryInitial,
    @DefaultValue("PT30M") Duration retryMax,
    @DefaultValue("20") int maxAttempts) {

  public OutboxProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("parkflow.mail.max-attempts must be at least 1: " + maxAttempts);
    }
    if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
      throw new IllegalArgumentException(
          "parkflow.mail.retry-initial must be positive and not above parkflow.mail.retry-max");
    }
  }
}
