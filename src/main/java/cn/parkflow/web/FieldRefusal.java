package cn.parkflow.web;

import java.util.List;

/**
 * An exception by which the engine refuses a request and names each bad field (e.g. a decision task's completion that
 * breaks its rules). {@link EngineRestErrors} answers it, wherever it sits in the cause chain, with 400 naming the
 * fields and the exception's message as it is (see {@link EngineErrorBody}). An implementation calls {@link
 * FieldRefusalLogFilter#install} when it is created, so the engine does not log it as an error.
 */
public interface FieldRefusal {
  /** The Chinese message: what Tasklist shows above the form. */
  String getMessage();

  /** The invalid fields, each with its own Chinese message. */
  List<FieldError> errors();
}
