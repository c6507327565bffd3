package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Profile {@code prod} without its environment: the real application in a JVM of its own, with an environment that
 * holds nothing but {@code PATH}, {@code JAVA_HOME} and {@code HOME}. It must stop with one line that names every
 * missing or empty variable and exit with status 78 (EX_CONFIG), before anything starts and without a stack trace.
 */
class ProductionProfileTest {
  /** The contract's production settings (shared/CONTRACT.md, "Production"). */
  private static final List<String> REQUIRED = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
      "SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
      "SPRING_MAIL_PASSWORD", "PARKFLOW_ADMIN_USER", "PARKFLOW_ADMIN_PASSWORD", "PARKFLOW_BASE_URL");
  private static final String LINE_START = "ParkFlow (profile prod) cannot start";
  private static final int EX_CONFIG = 78;
  private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  @Test
  void withoutItsEnvironmentProdStopsWithOneLineNamingEveryMissingVariable() throws Exception {
    Run run = startProd(Map.of());

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.output()).isEqualTo(EX_CONFIG);
    String line = theOneLine(run);
    assertThat(named(line)).containsExactlyInAnyOrderElementsOf(REQUIRED);
  }

  @Test
  void emptyOrBlankVariablesAreNamedLikeMissingOnes() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/parkflow");
    env.put("SPRING_DATASOURCE_USERNAME", "parkflow");
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", "1025");
    env.put("SPRING_MAIL_USERNAME", "parkflow");
    env.put("SPRING_MAIL_PASSWORD", "   ");
    env.put("PARKFLOW_ADMIN_USER", "admin");
    env.put("PARKFLOW_ADMIN_PASSWORD", "");
    env.put("PARKFLOW_BASE_URL", "https://parkflow.example.gov.cn");

    Run run = startProd(env);

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.output()).isEqualTo(EX_CONFIG);
    String line = theOneLine(run);
    assertThat(named(line)).containsExactlyInAnyOrder("SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_PASSWORD",
        "PARKFLOW_ADMIN_PASSWORD");
  }

  /** The whole output must be that one line: no stack trace, no log, nothing else. */
  private static String theOneLine(Run run) {
    List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("output of the prod start").hasSize(1);
    assertThat(lines.get(0)).startsWith(LINE_START);
    return lines.get(0);
  }

  private static Set<String> named(String line) {
    return VARIABLE.matcher(line).results().map(r -> r.group()).collect(Collectors.toSet());
  }

  private record Run(int exitCode, String output) {}

  private static Run startProd(Map<String, String> variables) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "cn.parkflow.ParkFlowApplication", "--spring.profiles.active=prod")
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    for (String keep : List.of("PATH", "JAVA_HOME", "HOME")) {
      String value = System.getenv(keep);
      if (value != null) {
        env.put(keep, value);
      }
    }
    env.putAll(variables);

    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("profile prod did not stop within 60 s; output so far:%n%s", output.getNow(""));
    }
    return new Run(process.exitValue(), output.join());
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
