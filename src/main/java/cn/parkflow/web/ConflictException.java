package cn.parkflow.web;

/** The request is valid but the case is in a state that does not allow it (409). The message is Chinese. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
