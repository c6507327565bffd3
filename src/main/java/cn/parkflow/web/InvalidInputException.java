package cn.parkflow.web;

import java.util.List;

/**
 * Bad input from a caller. Answered as 400 {@code application/problem+json} whose {@code errors} array lists every
 * invalid field at once (see {@link ApiExceptionHandler}). Nothing may have been started or stored when it is thrown.
 */
public class InvalidInputException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("输入有误"));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
