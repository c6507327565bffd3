package cn.parkflow.mail;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What GreenMail received, told apart by the outbox reason each message carries. */
public final class ReceivedMail {
  private ReceivedMail() {}

  /** The outbox reason key ({@code <reason>|<recipient>}) of a received message, or null. */
  public static String reasonOf(MimeMessage message) {
    try {
      String header = message.getHeader(OutboxSender.REASON_HEADER, null);
      return header == null ? null : MimeUtility.decodeText(MimeUtility.unfold(header));
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Received messages whose reason key starts with {@code prefix}. */
  public static List<MimeMessage> withReason(GreenMailOperations greenMail, String prefix) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> reasonOf(m) != null && reasonOf(m).startsWith(prefix)).toList();
  }

  /** How often each reason key starting with {@code prefix} was received. */
  public static Map<String, Long> countByReason(GreenMailOperations greenMail, String prefix) {
    return withReason(greenMail, prefix).stream()
        .collect(Collectors.groupingBy(ReceivedMail::reasonOf, Collectors.counting()));
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Function<MimeMessage, String> firstRecipient() {
    return m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
