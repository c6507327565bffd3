package cn.parkflow.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The legal name of each department as a notice names its issuing or deciding organ: {@code parkflow.organs.<group>},
 * by default the contract's Chinese name prefixed with the county's name ({@code parkflow.county-name}, default
 * {@value #DEFAULT_COUNTY}, the county of the default region code 360124), e.g. 进贤县发展和改革局; a name that starts
 * with 县 (县人民政府) takes the county's name in its place (进贤县人民政府).
 *
 * <p>Each name is read from the configuration once and kept: a lookup in Spring's environment walks every property
 * source, and a notice asks for two names (issue 13). A changed name takes effect on restart, as every setting does.
 */
@Component
public class Organs {
  public static final String DEFAULT_COUNTY = "进贤县";
  private final Environment environment;
  private final String countyName;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public Organs(Environment environment) {
    this.environment = environment;
    this.countyName = environment.getProperty("parkflow.county-name", DEFAULT_COUNTY);
  }

  public String countyName() {
    return countyName;
  }

  /** The legal name of group {@code groupId}'s organ. */
  public String name(String groupId) {
    return names.computeIfAbsent(groupId, this::configuredName);
  }

  private String configuredName(String groupId) {
    String configured = environment.getProperty("parkflow.organs." + groupId);
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String name = Department.nameOf(groupId);
    String county = countyName();
    return name.startsWith("县") ? county + name.substring(1) : county + name;
  }
}
