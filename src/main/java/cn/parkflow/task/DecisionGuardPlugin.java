package cn.parkflow.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes {@link DecisionTaskGuard} the first {@code complete} listener of every user task, as a built-in listener of
 * the engine: built-in listeners run before the model's own ({@code camunda:taskListener}) and before Spring's event
 * bridge, so a step's listener (e.g. land supply's, which records the decision) never sees a decision the rules refuse.
 * The guard is looked up at the first completion (then kept), since it needs the engine this plugin configures.
 */
@Component
public class DecisionGuardPlugin extends AbstractProcessEnginePlugin {
  private final ObjectProvider<DecisionTaskGuard> provider;
  private volatile DecisionTaskGuard guard;

  public DecisionGuardPlugin(ObjectProvider<DecisionTaskGuard> provider) {
    this.provider = provider;
  }

  private DecisionTaskGuard guard() {
    DecisionTaskGuard g = guard;
    if (g == null) {
      g = provider.getObject();
      guard = g;
    }
    return g;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    TaskListener listener = task -> guard().onComplete(task);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
