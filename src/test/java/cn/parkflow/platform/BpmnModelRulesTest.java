package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Holds every model in the top-level {@code bpmn/} folder to the house rules ({@link BpmnModelRules}), one test per
 * file, and proves each rule on small models built in memory: a rule that never fails proves nothing.
 */
class BpmnModelRulesTest {
  private static final Path BPMN = Path.of(System.getProperty("basedir", ".")).resolve("bpmn");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  @DisplayName("every model in bpmn/ follows the house rules")
  Stream<DynamicTest> everyModelFollowsTheHouseRules() throws IOException {
    FormIndex forms = FormIndex.read(BPMN.resolve("forms"));
    return models().map(path -> dynamicTest(BPMN.getParent().relativize(path).toString(), () -> {
      String file = BPMN.getParent().relativize(path).toString();
      BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
      List<String> violations = BpmnModelRules.check(file, model, forms.ids().keySet());
      assertThat(violations)
          .withFailMessage("%s breaks %d house rule(s):%n  %s", file, violations.size(),
              String.join(System.lineSeparator() + "  ", violations))
          .isEmpty();
    }));
  }

  @Test
  @DisplayName("every form under bpmn/forms/ has an id of its own")
  void everyFormHasAUniqueId() throws IOException {
    FormIndex forms = FormIndex.read(BPMN.resolve("forms"));
    assertThat(forms.problems())
        .withFailMessage("forms under bpmn/forms/:%n  %s", String.join(System.lineSeparator() + "  ",
            forms.problems()))
        .isEmpty();
  }

  private static Stream<Path> models() throws IOException {
    if (!Files.isDirectory(BPMN)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.walk(BPMN)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  /** The Camunda forms ({@code *.form}) under a folder, by their JSON {@code id}. */
  record FormIndex(Map<String, Path> ids, List<String> problems) {
    static FormIndex read(Path folder) throws IOException {
      Map<String, Path> ids = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      if (!Files.isDirectory(folder)) {
        return new FormIndex(ids, problems);
      }
      List<Path> forms;
      try (Stream<Path> files = Files.walk(folder)) {
        forms = files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().toList();
      }
      for (Path form : forms) {
        JsonNode json;
        try {
          json = JSON.readTree(Files.readString(form, StandardCharsets.UTF_8));
        } catch (IOException e) {
          problems.add(form + ": not valid JSON: " + e.getMessage());
          continue;
        }
        String id = json.path("id").asText("");
        if (id.isBlank()) {
          problems.add(form + ": has no \"id\"");
        } else if (ids.containsKey(id)) {
          problems.add(form + ": id '" + id + "' is also the id of " + ids.get(id));
        } else {
          ids.put(id, form);
        }
      }
      return new FormIndex(ids, problems);
    }
  }

  /** Each rule fails when it is broken, names the element, and a model that keeps them all passes. */
  @Nested
  @DisplayName("the rules themselves")
  class TheRulesThemselves {
    private static final String FORM = "rule-test-review";

    /** A small model that keeps every rule; each test breaks one. */
    private BpmnModelInstance goodModel() {
      return Bpmn.createExecutableProcess("rule-test")
          .name("规则自测")
          .camundaHistoryTimeToLiveString("P30D")
          .startEvent("start_applicationReceived").name("收到申请")
          .sequenceFlowId("flow_toReview")
          .userTask("userTask_review").name("审查申请")
          .documentation("依据：《行政许可法》第四十二条。时限：rule-test.review（本地默认值）。")
          .camundaCandidateGroups("drc")
          .camundaDueDate("${deadlines.due('rule-test', 'review')}")
          .camundaFormRef(FORM)
          .sequenceFlowId("flow_toDecision")
          .exclusiveGateway("gateway_reviewDecision").name("审查结论？")
          .sequenceFlowId("flow_approved").condition("通过", "${decision == 'approve'}")
          .serviceTask("serviceTask_sendNotice").name("发送通知")
          .camundaDelegateExpression("${sendNotice}")
          .sequenceFlowId("flow_toApproved")
          .endEvent("end_approved").name("已通过")
          .moveToNode("gateway_reviewDecision")
          .sequenceFlowId("flow_rejected").condition("不予通过", "${decision != 'approve'}")
          .endEvent("end_rejected").name("不予通过")
          .done();
    }

    private List<String> violations(BpmnModelInstance model) {
      return BpmnModelRules.check("rule-test.bpmn", model, Set.of(FORM));
    }

    private static <T> T element(BpmnModelInstance model, String id) {
      return model.getModelElementById(id);
    }

    @Test
    void aModelThatKeepsEveryRulePasses() {
      assertThat(violations(goodModel())).isEmpty();
    }

    @ParameterizedTest(name = "{1} instead of {0}")
    @CsvSource({
        "userTask_review, Activity_0x9fk3d",
        "userTask_review, Task_08fl4d5",
        "gateway_reviewDecision, Gateway_1m3x7kq",
        "start_applicationReceived, StartEvent_1",
        "end_rejected, Event_0ab12cd",
        "flow_toReview, Flow_1qz0x8a",
        "flow_toReview, SequenceFlow_0h2k5j9",
        "serviceTask_sendNotice, serviceTask_0h2k5j9",
        "flow_approved, flow_1",
        "userTask_review, serviceTask_review",
        "rule-test, Process_1q2w3e4",
    })
    void generatedOrMisleadingIdsAreNamed(String readableId, String badId) {
      BpmnModelInstance model = goodModel();
      BaseElement element = element(model, readableId);
      element.setId(badId);
      assertThat(violations(model)).anySatisfy(v -> assertThat(v).startsWith("rule-test.bpmn: " + badId + ": id"));
    }

    @Test
    void theProcessKeyItselfAndTypePrefixedIdsAreAccepted() {
      BpmnModelInstance model = goodModel();
      assertThat(violations(model)).noneMatch(v -> v.contains(": id"));
      this.<Process>element(model, "rule-test").setId("process_ruleTest");
      assertThat(violations(model)).isEmpty();
    }

    @Test
    void aUserTaskNeedsCandidateGroups() {
      BpmnModelInstance model = goodModel();
      this.<UserTask>element(model, "userTask_review")
          .removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "candidateGroups");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: user task has no"
          + " camunda:candidateGroups");
    }

    @Test
    void candidateGroupsComeFromTheDepartmentsOfTheContractOrAnExpression() {
      BpmnModelInstance model = goodModel();
      UserTask task = element(model, "userTask_review");
      task.setCamundaCandidateGroups("drc, planning-office");
      assertThat(violations(model)).singleElement().asString()
          .startsWith("rule-test.bpmn: userTask_review: candidate group 'planning-office'");

      task.setCamundaCandidateGroups("drc, natural-resources");
      assertThat(violations(model)).isEmpty();
      task.setCamundaCandidateGroups("${reviewGroups}");
      assertThat(violations(model)).isEmpty();
    }

    @Test
    void aUserTaskNeedsADueDate() {
      BpmnModelInstance model = goodModel();
      this.<UserTask>element(model, "userTask_review").removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "dueDate");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: user task has no"
          + " camunda:dueDate");
    }

    @Test
    void aUserTaskNeedsAForm() {
      BpmnModelInstance model = goodModel();
      UserTask task = element(model, "userTask_review");
      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: user task has no form"
          + " (camunda:formRef or camunda:formKey)");

      task.setCamundaFormKey("embedded:app:forms/review.html");
      assertThat(violations(model)).isEmpty();
    }

    @Test
    void aFormRefNamesAFormUnderBpmnForms() {
      BpmnModelInstance model = goodModel();
      this.<UserTask>element(model, "userTask_review").setCamundaFormRef("no-such-form");
      assertThat(violations(model)).singleElement().asString()
          .startsWith("rule-test.bpmn: userTask_review: camunda:formRef 'no-such-form' names no form");
    }

    @Test
    void aUserTaskDocumentsItsLegalBasisAndLimit() {
      BpmnModelInstance model = goodModel();
      UserTask task = element(model, "userTask_review");
      task.getDocumentations().forEach(d -> d.setTextContent("审查申请材料。"));
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: user task documentation must"
          + " name its legal basis (依据：…) and its time limit (时限：…); a local default says that it is local");
    }

    @Test
    void aServiceTaskWithAnOutsideEffectIsAsyncWithARetryCycle() {
      BpmnModelInstance model = goodModel();
      ServiceTask task = element(model, "serviceTask_sendNotice");
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      CamundaProperty effect = model.newInstance(CamundaProperty.class);
      effect.setCamundaName(BpmnModelRules.EFFECT);
      effect.setCamundaValue(BpmnModelRules.OUTSIDE);
      properties.getCamundaProperties().add(effect);
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      extensions.addChildElement(properties);
      task.setExtensionElements(extensions);
      assertThat(violations(model)).containsExactly("rule-test.bpmn: serviceTask_sendNotice: service task with an"
          + " outside effect must be camunda:asyncBefore with a camunda:failedJobRetryTimeCycle");
      task.builder().camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M");
      assertThat(violations(model)).isEmpty();
    }

    @Test
    void aServiceTaskWithoutAnOutsideEffectIsNotAsync() {
      BpmnModelInstance model = goodModel();
      ServiceTask task = element(model, "serviceTask_sendNotice");
      task.setCamundaAsyncBefore(true);
      assertThat(violations(model)).containsExactly("rule-test.bpmn: serviceTask_sendNotice: service task is"
          + " camunda:asyncBefore but declares no outside effect (camunda:property name=\"effect\" value=\"outside\")");
    }

    @Test
    void aServiceTaskCallsADelegateExpressionNotAClass() {
      BpmnModelInstance model = goodModel();
      ServiceTask task = element(model, "serviceTask_sendNotice");
      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
      task.setCamundaClass("cn.parkflow.SendNotice");
      assertThat(violations(model)).containsExactlyInAnyOrder(
          "rule-test.bpmn: serviceTask_sendNotice: service task has no camunda:delegateExpression",
          "rule-test.bpmn: serviceTask_sendNotice: serviceTask names a Java class"
              + " (camunda:class=\"cn.parkflow.SendNotice\"); use camunda:delegateExpression with a @Component bean");
    }

    @Test
    void aServiceTaskDoesNotUseAnExpressionOrAnExternalTopic() {
      BpmnModelInstance model = goodModel();
      ServiceTask task = element(model, "serviceTask_sendNotice");
      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
      task.setCamundaExpression("${notices.send(execution)}");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: serviceTask_sendNotice: service task uses"
          + " camunda:expression; call a @Component delegate with camunda:delegateExpression");

      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "expression");
      task.setCamundaType("external");
      task.setCamundaTopic("notices");
      assertThat(violations(model)).singleElement().asString()
          .startsWith("rule-test.bpmn: serviceTask_sendNotice: service task uses camunda:type=\"external\"");
    }

    @Test
    void aSendTaskCallsADelegateExpression() {
      BpmnModelInstance model = Bpmn.createExecutableProcess("rule-test").name("规则自测")
          .camundaHistoryTimeToLiveString("P30D")
          .startEvent("start_begin").name("开始")
          .sequenceFlowId("flow_toSend")
          .sendTask("sendTask_notifyApplicant").name("通知申请人")
          .sequenceFlowId("flow_toEnd")
          .endEvent("end_done").name("结束")
          .done();
      assertThat(violations(model)).containsExactly(
          "rule-test.bpmn: sendTask_notifyApplicant: send task has no camunda:delegateExpression");

      this.<org.camunda.bpm.model.bpmn.instance.SendTask>element(model, "sendTask_notifyApplicant")
          .setCamundaDelegateExpression("${notifyApplicant}");
      assertThat(violations(model)).isEmpty();
    }

    @Test
    void scriptTasksAreRefused() {
      BpmnModelInstance model = Bpmn.createExecutableProcess("rule-test").name("规则自测")
          .camundaHistoryTimeToLiveString("P30D")
          .startEvent("start_begin").name("开始")
          .sequenceFlowId("flow_toScript")
          .scriptTask("scriptTask_compute").name("计算").scriptFormat("groovy").scriptText("1 + 1")
          .sequenceFlowId("flow_toEnd")
          .endEvent("end_done").name("结束")
          .done();
      assertThat(violations(model)).containsExactly("rule-test.bpmn: scriptTask_compute: script task: scripts are"
          + " not allowed; use a service task with a delegate");
    }

    @Test
    void scriptListenersAreRefused() {
      BpmnModelInstance model = goodModel();
      CamundaExecutionListener listener = model.newInstance(CamundaExecutionListener.class);
      listener.setCamundaEvent("start");
      CamundaScript script = model.newInstance(CamundaScript.class);
      script.setCamundaScriptFormat("javascript");
      script.setTextContent("execution.setVariable('x', 1)");
      listener.setCamundaScript(script);
      this.<UserTask>element(model, "userTask_review").builder().addExtensionElement(listener);
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: camunda:executionListener"
          + " contains a script (camunda:script); scripts are not allowed");
    }

    @Test
    void classListenersAreRefused() {
      BpmnModelInstance model = goodModel();
      this.<UserTask>element(model, "userTask_review").builder()
          .camundaTaskListenerClass("create", "cn.parkflow.SomeListener");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: userTask_review: camunda:taskListener names a"
          + " Java class (camunda:class=\"cn.parkflow.SomeListener\"); use camunda:delegateExpression with a"
          + " @Component bean");
    }

    @Test
    void scriptConditionsAreRefused() {
      BpmnModelInstance model = goodModel();
      this.<SequenceFlow>element(model, "flow_approved").getConditionExpression().setLanguage("javascript");
      assertThat(violations(model)).singleElement().asString()
          .startsWith("rule-test.bpmn: flow_approved: condition written as a script");
    }

    @Test
    void anExecutableProcessNeedsAHistoryTimeToLive() {
      BpmnModelInstance model = goodModel();
      this.<Process>element(model, "rule-test").removeAttributeNs(BpmnModelConstants.CAMUNDA_NS,
          "historyTimeToLive");
      assertThat(violations(model)).containsExactly("rule-test.bpmn: rule-test: executable process has no"
          + " camunda:historyTimeToLive");
    }

    @Test
    void everyFlowNodeAndProcessHasAName() {
      BpmnModelInstance model = goodModel();
      this.<FlowNode>element(model, "gateway_reviewDecision").removeAttribute("name");
      this.<Process>element(model, "rule-test").removeAttribute("name");
      assertThat(violations(model)).containsExactlyInAnyOrder(
          "rule-test.bpmn: gateway_reviewDecision: exclusiveGateway has no name",
          "rule-test.bpmn: rule-test: process has no name");
    }

    @Test
    void formsAreIndexedByTheirIdAndDuplicatesOrMissingIdsAreReported(@TempDir Path forms) throws IOException {
      Files.createDirectories(forms.resolve("approval"));
      Files.writeString(forms.resolve("approval/review.form"), "{\"id\": \"approval-review\", \"components\": []}");
      Files.writeString(forms.resolve("approval/copy.form"), "{\"id\": \"approval-review\", \"components\": []}");
      Files.writeString(forms.resolve("no-id.form"), "{\"components\": []}");

      FormIndex index = FormIndex.read(forms);

      assertThat(index.ids()).containsOnlyKeys("approval-review");
      assertThat(index.problems()).hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("review.form").contains("is also the id of"))
          .anySatisfy(p -> assertThat(p).contains("no-id.form").contains("has no \"id\""));
    }
  }
}
