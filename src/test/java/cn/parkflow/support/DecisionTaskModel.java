package cn.parkflow.support;

/**
 * A small test process around one decision task: {@code userTask_drcReview} for the DRC ({@code drc}), a decision
 * task (approve, return, reject), optionally followed by {@code userTask_followUp}, so a second completion of the
 * decision would show as a second follow-up.
 */
public final class DecisionTaskModel {
  public static final String DECISION_TASK = "userTask_drcReview";
  public static final String FOLLOW_UP_TASK = "userTask_followUp";

  private DecisionTaskModel() {}

  /** The BPMN of process {@code processId} (type-prefixed element ids, Chinese names, like every model). */
  public static String bpmn(String processId, String name, boolean followUp) {
    String afterDecision = followUp ? FOLLOW_UP_TASK : "end_case";
    String followUpElements = !followUp ? "" : """
          <bpmn:userTask id="%s" name="后续办理" camunda:candidateGroups="drc"/>
          <bpmn:sequenceFlow id="flow_3" sourceRef="%s" targetRef="end_case"/>
        """.formatted(FOLLOW_UP_TASK, FOLLOW_UP_TASK);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s"
            targetNamespace="http://parkflow.cn/test">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start_case" name="开始"/>
            <bpmn:sequenceFlow id="flow_1" sourceRef="start_case" targetRef="%3$s"/>
            <bpmn:userTask id="%3$s" name="发改审查" camunda:candidateGroups="drc">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="decisions" value="approve,return,reject"/></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="flow_2" sourceRef="%3$s" targetRef="%4$s"/>
        %5$s    <bpmn:endEvent id="end_case" name="结束"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, name, DECISION_TASK, afterDecision, followUpElements).strip();
  }
}
