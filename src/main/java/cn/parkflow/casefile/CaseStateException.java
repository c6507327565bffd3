package cn.parkflow.casefile;

/**
 * The request is valid but the case (or its task) is in a state that does not allow it. Thrown by the slices' services
 * and shared case services, which know nothing of HTTP; the web layer answers it 409. The message is Chinese.
 */
public class CaseStateException extends RuntimeException {
  public CaseStateException(String message) {
    super(message);
  }
}
