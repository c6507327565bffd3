package cn.parkflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the webapps' English texts ({@code /camunda/app/<app>/locales/en.json}, loaded by every browser as the
 * fallback) without their {@code dateLocales}.
 *
 * <p>The webapps register the date settings of every locale file they load, and each registration switches the date
 * library's global locale; with {@code zh} preferred and {@code en} as fallback, whichever file arrived last decided,
 * so a Chinese browser showed "in a month" about half the time. Without {@code dateLocales} in the fallback, a
 * Chinese browser always gets {@code zh.json}'s dates and an English one the date library's built-in English. The
 * labels are the shipped file's, unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class WebappLocaleFilter {
  private static final Pattern ENGLISH = Pattern.compile(".*/camunda/app/([a-z]+)/locales/en\\.json$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappLocaleFilterRegistration(ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(mapper));
    registration.addUrlPatterns("/camunda/app/*");
    registration.setName("parkflowWebappLocaleFilter");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper mapper;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Filter(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher m = ENGLISH.matcher(request.getRequestURI());
      byte[] body = m.matches() && "GET".equals(request.getMethod()) ? withoutDateLocales(m.group(1)) : null;
      if (body == null) {
        chain.doFilter(request, response);
        return;
      }
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    private byte[] withoutDateLocales(String app) {
      return cache.computeIfAbsent(app, a -> {
        ClassPathResource shipped = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + a
            + "/locales/en.json");
        if (!shipped.exists()) {
          return null;
        }
        try (InputStream in = shipped.getInputStream()) {
          byte[] raw = in.readAllBytes();
          int bom = raw.length >= 3 && (raw[0] & 0xff) == 0xef && (raw[1] & 0xff) == 0xbb
              && (raw[2] & 0xff) == 0xbf ? 3 : 0;
          JsonNode json = mapper.readTree(raw, bom, raw.length - bom);
          if (json instanceof ObjectNode object) {
            object.remove("dateLocales");
          }
          return mapper.writeValueAsBytes(json);
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read the shipped " + a + " en.json", e);
        }
      });
    }
  }
}
