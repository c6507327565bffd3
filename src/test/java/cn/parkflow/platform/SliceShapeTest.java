package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.account.RegistrationProcess;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.construction.ConstructionWatchProcess;
import cn.parkflow.land.LandSupplyProcess;
import cn.parkflow.idleland.IdleLandProcess;
import cn.parkflow.onboarding.OnboardingProcess;
import cn.parkflow.mail.MailTemplate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every process slice has the same shape (see STYLE.md): its {@code <X>Process} class names only ids that exist in
 * its model, every mail template a class declares exists, process variables are read through typed accessors only,
 * and the slice's service is the only writer of its status.
 */
class SliceShapeTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static final Path MAIN = ROOT.resolve("src/main/java");

  /** Each process class with its model. */
  private static final Map<Class<?>, String> PROCESSES = Map.of(ProjectApprovalProcess.class, "project-approval.bpmn",
      OnboardingProcess.class, "enterprise-onboarding.bpmn", RegistrationProcess.class,
      "enterprise-registration.bpmn", LandSupplyProcess.class, "land-supply.bpmn", ConstructionWatchProcess.class,
      "construction-watch.bpmn", IdleLandProcess.class, "idle-land-recovery.bpmn");

  @Test
  @DisplayName("every element id in a <X>Process class exists in its model")
  void elementIdsExist() throws Exception {
    for (Map.Entry<Class<?>, String> process : PROCESSES.entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(ROOT.resolve("bpmn").resolve(process.getValue()).toFile());
      Map<String, String> ids = constants(Class.forName(process.getKey().getName() + "$Elements"), String.class);
      assertThat(ids).isNotEmpty();
      List<String> missing = ids.entrySet().stream().filter(e -> model.getModelElementById(e.getValue()) == null)
          .map(e -> process.getKey().getSimpleName() + ".Elements." + e.getKey() + " = " + e.getValue()).toList();
      assertThat(missing).as("element ids not in bpmn/" + process.getValue()).isEmpty();
    }
  }

  @Test
  @DisplayName("every mail template a class declares exists under templates/mail/<folder>/<kind>.mustache")
  void mailTemplatesExist() throws Exception {
    Map<String, MailTemplate> declared = new TreeMap<>();
    for (Class<?> type : mainClasses()) {
      constants(type, MailTemplate.class).forEach((name, t) -> declared.put(type.getSimpleName() + "." + name, t));
    }
    assertThat(declared).as("templates declared in src/main/java").hasSizeGreaterThanOrEqualTo(16);
    assertThat(missingTemplates(declared)).isEmpty();
    assertThat(missingTemplates(Map.of("X.NO_SUCH", new MailTemplate(ProjectApprovalProcess.KEY, "no-such"))))
        .as("the check finds a missing template").containsExactly("X.NO_SUCH → templates/mail/project-approval/no-such.mustache");
  }

  @Test
  @DisplayName("process variables are read through the typed accessors only (no getVariable outside variable.Variable)")
  void variablesAreReadThroughTypedAccessors() throws IOException {
    assertThat(filesContaining("getVariable(")).containsExactly("cn/parkflow/variable/Variable.java");
  }

  @Test
  @DisplayName("each slice's service is the only writer of its status")
  void oneWriterOfTheStatus() throws IOException {
    assertThat(filesContaining("projects.updateStatus(", "projects.markAccepted(", "projects.markWithdrawn("))
        .containsExactly("cn/parkflow/approval/ProjectService.java");
    assertThat(filesContaining("admissions.updateStatus("))
        .containsExactly("cn/parkflow/onboarding/AdmissionService.java");
    assertThat(filesContaining("registrations.updateStatus("))
        .containsExactly("cn/parkflow/account/RegistrationService.java");
    assertThat(filesContaining("cases.updateStatus(", "cases.end("))
        .containsExactly("cn/parkflow/land/LandSupplyService.java");
    assertThat(filesContaining("watches.updateStatus("))
        .containsExactly("cn/parkflow/construction/ConstructionService.java");
    assertThat(filesContaining("idleCases.updateStatus(", "idleCases.close("))
        .containsExactly("cn/parkflow/idleland/IdleLandService.java");
  }

  @Test
  @DisplayName("services and engine code throw their own exceptions; only web/ and controllers throw web types")
  void engineCodeThrowsNoWebTypes() throws IOException {
    assertThat(filesContaining("new ConflictException(", "new NotFoundException(", "new ForbiddenException(",
        "new InvalidInputException(", "throwIfAny()").stream()
        .filter(f -> !f.startsWith("cn/parkflow/web/") && !f.endsWith("Controller.java")).toList()).isEmpty();
  }

  @Test
  @DisplayName("controllers hold no SQL: repositories do")
  void noSqlInControllers() throws IOException {
    assertThat(filesContaining("JdbcTemplate").stream().filter(f -> f.endsWith("Controller.java")).toList())
        .isEmpty();
  }

  @Test
  @DisplayName("delegates read ids and call the slice's service: no repository, notices or case record of their own")
  void delegatesCallTheService() throws IOException {
    assertThat(filesContaining("Repository", "ProjectNotices", "CaseRecord", "JdbcTemplate").stream()
        .filter(f -> f.contains("/delegate/")).toList()).isEmpty();
  }

  private static List<String> missingTemplates(Map<String, MailTemplate> declared) {
    return declared.entrySet().stream()
        .filter(e -> SliceShapeTest.class.getClassLoader().getResource(e.getValue().resource()) == null)
        .map(e -> e.getKey() + " → " + e.getValue().resource()).toList();
  }

  private static <T> Map<String, T> constants(Class<?> type, Class<T> valueType) throws IllegalAccessException {
    Map<String, T> values = new TreeMap<>();
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && valueType.equals(f.getType())) {
        f.setAccessible(true);
        values.put(f.getName(), valueType.cast(f.get(null)));
      }
    }
    return values;
  }

  private static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
    Path classes = ROOT.resolve("target/classes");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("cn/parkflow"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(p).toString().replace(java.io.File.separatorChar, '.');
        types.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
            SliceShapeTest.class.getClassLoader()));
      }
    }
    return types;
  }

  private static List<String> filesContaining(String... needles) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          String text = Files.readString(p);
          return Stream.of(needles).anyMatch(text::contains);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(p -> MAIN.relativize(p).toString().replace(java.io.File.separatorChar, '/')).sorted().toList();
    }
  }
}
