package cn.parkflow.casefile;

/** A case, or a task of a case, that does not exist (any more); the web layer answers it 404. The message is Chinese. */
public class CaseItemNotFoundException extends RuntimeException {
  public CaseItemNotFoundException(String message) {
    super(message);
  }
}
