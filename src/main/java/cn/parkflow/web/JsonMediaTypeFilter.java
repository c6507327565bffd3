package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one media-type rule for bodies sent to the ParkFlow API: {@code application/json}, optionally with
 * {@code charset=UTF-8}, and nothing else (not {@code *}{@code /*}, not {@code application/json-patch+json}, not
 * another charset). A request that sends a body (or names a type) otherwise answers 415 before any controller runs.
 * It runs after Spring Security, so an anonymous caller still hears 401 first.
 */
@Configuration(proxyBeanMethods = false)
public class JsonMediaTypeFilter {
  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> jsonMediaTypeFilterRegistration(ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(mapper));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    registration.setName("parkflowJsonMediaTypeFilter");
    return registration;
  }

  /** Whether {@code contentType} is {@code application/json} with no parameter other than {@code charset=UTF-8}. */
  static boolean isJson(String contentType) {
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      if (!parameter.equals("charset=utf-8")) {
        return false;
      }
    }
    return true;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper mapper;

    Filter(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getHeader("Content-Type");
      boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
      boolean refused = !WITHOUT_BODY.contains(request.getMethod())
          && (type == null ? hasBody : !isJson(type));
      if (refused) {
        SecurityConfiguration.problem(request, response, mapper, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
            "请求正文须为 JSON：Content-Type 须为 application/json（可带 charset=UTF-8），收到："
                + (type == null ? "（未注明）" : type));
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
