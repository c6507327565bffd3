package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.web.FieldErrors;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 不予受理 at intake has the grounds of 行政许可法 Art. 32 ¶1 (1)–(2) and no other: the matter needs no licence
 * ({@code not-licensing-matter}: the applicant is told so), or it is outside this office's competence
 * ({@code outside-competence}: the applicant is told which organ is competent, {@code competentAuthority}). The intake
 * review takes both fields with its decision; they are refused on any other decision.
 */
@Component
public class IntakeRefusal implements DecisionConstraint {
  public static final int MAX_COMPETENT_AUTHORITY = 100;

  /** The grounds of Art. 32 on which an application is not accepted; the stored value is the name in kebab case. */
  public enum Ground {
    NOT_LICENSING_MATTER("申请事项依法不需要取得行政许可（《中华人民共和国行政许可法》第三十二条第一款第一项）"),
    OUTSIDE_COMPETENCE("申请事项依法不属于本行政机关职权范围（《中华人民共和国行政许可法》第三十二条第一款第二项）");

    private final String label;

    Ground(String label) {
      this.label = label;
    }

    /** {@code not-licensing-matter}, {@code outside-competence}. */
    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String label() {
      return label;
    }

    public static Optional<Ground> of(String value) {
      return Arrays.stream(values()).filter(g -> g.value().equals(value)).findFirst();
    }
  }

  @Override
  public Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    return concerns(processDefinitionId, taskDefinitionKey)
        ? Set.of(Variables.REFUSAL_GROUND.name(), Variables.COMPETENT_AUTHORITY.name()) : Set.of();
  }

  private static boolean concerns(String processDefinitionId, String taskDefinitionKey) {
    return processDefinitionId != null && processDefinitionId.startsWith(ProjectApprovalProcess.KEY + ":")
        && Elements.INTAKE_REVIEW.equals(taskDefinitionKey);
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!concerns(processDefinitionId, taskDefinitionKey)) {
      return;
    }
    String groundField = Variables.REFUSAL_GROUND.name();
    String authorityField = Variables.COMPETENT_AUTHORITY.name();
    Object ground = variables.get(Variables.REFUSAL_GROUND_VALUE);
    Object authority = variables.get(Variables.COMPETENT_AUTHORITY_VALUE);
    boolean groundBlank = ground == null || ground instanceof String s && s.isBlank();
    boolean authorityBlank = authority == null || authority instanceof String s && s.isBlank();
    if (!Decision.REJECT.value().equals(decision)) {
      if (!groundBlank) {
        errors.add(groundField, "不予受理的理由类别（refusalGround）只在选择不予受理（reject）时填写");
      }
      if (!authorityBlank) {
        errors.add(authorityField, "有权机关（competentAuthority）只在以不属于本机关职权范围为由不予受理时填写");
      }
      return;
    }
    String choices = "可选：not-licensing-matter（申请事项依法不需要取得行政许可）、outside-competence（不属于本机关职权范围）";
    if (groundBlank) {
      errors.add(groundField, "不予受理时必须选择理由类别（refusalGround，《中华人民共和国行政许可法》第三十二条），" + choices);
      return;
    }
    Optional<Ground> g = ground instanceof String s ? Ground.of(s.trim()) : Optional.empty();
    if (g.isEmpty()) {
      errors.add(groundField, "不予受理的理由类别（refusalGround）无效，" + choices);
      return;
    }
    if (g.get() == Ground.OUTSIDE_COMPETENCE) {
      if (authorityBlank) {
        errors.add(authorityField, "以不属于本机关职权范围为由不予受理时，必须写明有权受理的行政机关（competentAuthority）");
      } else if (!(authority instanceof String a)) {
        errors.add(authorityField, "有权机关（competentAuthority）必须是文字（String）");
      } else if (a.codePointCount(0, a.length()) > MAX_COMPETENT_AUTHORITY) {
        errors.add(authorityField, "有权机关（competentAuthority）不得超过 " + MAX_COMPETENT_AUTHORITY + " 个字");
      }
    } else if (!authorityBlank) {
      errors.add(authorityField, "有权机关（competentAuthority）只在以不属于本机关职权范围为由不予受理时填写");
    }
  }
}
