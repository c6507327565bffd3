package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AssessmentPlan;
import cn.parkflow.onboarding.OnboardingProcess.Elements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Names each admission assessment after what it assesses and who does, e.g. 入园评估：能耗评估（发展和改革局）, so a
 * department with two assessments in one case (drc: energy and chemical park) tells them apart in Tasklist; its form
 * shows that assessment and the case's whole plan as text. The model keeps the plain name 入园评估 for its diagram.
 */
@Component
public class AssessmentTaskName {
  private final AssessmentPlan plans;

  public AssessmentTaskName(AssessmentPlan plans) {
    this.plans = plans;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "' && #task.taskDefinitionKey == '"
      + Elements.ADMISSION_ASSESSMENT + "'")
  public void onCreate(DelegateTask task) {
    String plan = ASSESSMENT_PLAN.get(task);
    String title = plans.title(plan, ASSESSMENT_KEY.get(task));
    task.setName("入园评估：" + title);
    ASSESSMENT_TITLE.setLocal(task, title);
    ASSESSMENT_TITLES.setLocal(task, plans.titles(plan));
  }
}
