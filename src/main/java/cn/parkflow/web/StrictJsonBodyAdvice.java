package cn.parkflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies {@link StrictJson#check} to every {@code @RequestBody} of the ParkFlow API, whatever type it is read as,
 * before the controller sees it: a body with a control character, a lone surrogate or an infinite number is refused
 * as a whole, every such field named at once, and nothing is started or stored.
 */
@ControllerAdvice
public class StrictJsonBodyAdvice extends RequestBodyAdviceAdapter {
  private final ObjectMapper mapper;

  public StrictJsonBodyAdvice(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    JsonNode tree = body instanceof JsonNode node ? node : mapper.valueToTree(body);
    List<FieldError> errors = StrictJson.check(tree);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return body;
  }
}
