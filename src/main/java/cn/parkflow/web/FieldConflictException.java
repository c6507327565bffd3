package cn.parkflow.web;

import java.util.List;

/** A conflict (409) about named fields, e.g. a login already taken; answered with {@code errors} like bad input. */
public class FieldConflictException extends ConflictException {
  private final List<FieldError> errors;

  public FieldConflictException(List<FieldError> errors) {
    super(String.join("；", errors.stream().map(FieldError::message).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
