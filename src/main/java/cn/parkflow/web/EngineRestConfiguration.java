package cn.parkflow.web;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Adds {@link EngineRestErrors} to both engine REST APIs: {@code /engine-rest} through Spring Boot's Jersey
 * customizer, and the webapps' {@code /camunda/api/engine} (which Tasklist uses) by registering Camunda's
 * {@code Engine Api} servlet first, with Camunda's application plus these providers; Camunda's webapp initializer
 * then leaves the servlet of that name alone.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {
  /** The servlet name Camunda's {@code CamundaBpmWebappInitializer} registers the webapps' engine API under. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer parkflowEngineRestErrors() {
    return config -> EngineRestErrors.providers().forEach(config::register);
  }

  @Bean
  ServletRegistrationBean<ServletContainer> parkflowWebappEngineApi(CamundaBpmProperties properties) {
    ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(),
        properties.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(WEBAPP_ENGINE_API);
    registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's webapp engine API with ParkFlow's error answers. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(EngineRestErrors.providers());
      return classes;
    }
  }
}
