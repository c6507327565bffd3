package cn.parkflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before the application sees them answer problem+json like every other error: Tomcat's refusals
 * through {@link ProblemErrorReportValve} (in place of its HTML page), and Spring Security's firewall refusals (a
 * {@code ;}, an encoded {@code .} or {@code /} in the path) with the same title and detail.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorReports {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Bean
  RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper mapper) {
    return (request, response, rejected) -> SecurityConfiguration.problem(request, response, mapper,
        HttpStatus.BAD_REQUEST, ProblemErrorReportValve.title(400), ProblemErrorReportValve.detail(400));
  }
}
