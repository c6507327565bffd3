package cn.parkflow.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Profile {@code prod} must not start half-configured: without its database, mail server or administrator it would
 * come up with nothing to keep the work in, or nobody to run it. Missing settings are named in one line and the JVM
 * exits with status 78 (EX_CONFIG) before anything starts.
 */
public class ProductionEnvironmentCheck implements EnvironmentPostProcessor {
  /** Environment variable → the property it feeds (either may be set). */
  static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("SPRING_DATASOURCE_URL", "spring.datasource.url");
    REQUIRED.put("SPRING_DATASOURCE_USERNAME", "spring.datasource.username");
    REQUIRED.put("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password");
    REQUIRED.put("SPRING_MAIL_HOST", "spring.mail.host");
    REQUIRED.put("SPRING_MAIL_PORT", "spring.mail.port");
    REQUIRED.put("SPRING_MAIL_USERNAME", "spring.mail.username");
    REQUIRED.put("SPRING_MAIL_PASSWORD", "spring.mail.password");
    REQUIRED.put("PARKFLOW_ADMIN_USER", "camunda.bpm.admin-user.id");
    REQUIRED.put("PARKFLOW_ADMIN_PASSWORD", "camunda.bpm.admin-user.password");
    // Every e-mail links to Tasklist; a default of localhost would send clerks nowhere.
    REQUIRED.put("PARKFLOW_BASE_URL", "parkflow.base-url");
  }

  static final int EXIT_CONFIG = 78;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> missing = missing(environment);
    if (!missing.isEmpty()) {
      System.err.println("ParkFlow (profile prod) cannot start: missing or empty environment variables: "
          + String.join(", ", missing));
      System.exit(EXIT_CONFIG);
    }
  }

  static List<String> missing(ConfigurableEnvironment environment) {
    return REQUIRED.entrySet().stream()
        .filter(e -> !StringUtils.hasText(environment.getProperty(e.getKey()))
            && !StringUtils.hasText(environment.getProperty(e.getValue())))
        .map(Map.Entry::getKey)
        .toList();
  }
}
