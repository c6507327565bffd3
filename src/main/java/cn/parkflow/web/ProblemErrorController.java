package cn.parkflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error path ({@code /error}), where the container sends an error that no handler answered (for
 * example a body whose chunked encoding breaks while it is read), answering problem+json with a Chinese detail in
 * place of Boot's plain error object. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
        ? code : 500;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
        ProblemErrorReportValve.detail(status));
    problem.setTitle(ProblemErrorReportValve.title(status));
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        problem.setInstance(URI.create(uri));
      } catch (IllegalArgumentException e) {
        // a path that is no valid URI is left out
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
