package cn.parkflow.web;

/** The thing does not exist, or the caller may not know that it exists (404). The message is Chinese. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
