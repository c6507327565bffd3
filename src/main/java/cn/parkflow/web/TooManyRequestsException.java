package cn.parkflow.web;

/** A client called too often (429); {@code retryAfterSeconds} goes to the Retry-After header. */
public class TooManyRequestsException extends RuntimeException {
  private final long retryAfterSeconds;

  public TooManyRequestsException(String what, long retryAfterSeconds) {
    super("请求过于频繁：" + what + "，请在 " + retryAfterSeconds + " 秒后再试");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
