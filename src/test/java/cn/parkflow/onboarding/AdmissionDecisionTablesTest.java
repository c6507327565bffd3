package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of {@code park-admission} and {@code admission-assessments}, evaluated as deployed. */
@IntegrationTest
class AdmissionDecisionTablesTest {
  @Autowired DecisionService decisionService;
  @Autowired AdmissionScreening screening;
  @Autowired AssessmentPlan plan;

  /** Inputs that match no refuse or review row. */
  private static Map<String, Object> passing() {
    Map<String, Object> v = new HashMap<>();
    v.put("industryCode", "39");
    v.put("productDescription", "片式电容器");
    v.put("investmentIntensity", 400.0);
    v.put("taxPerMu", 20.0);
    v.put("energyPerOutput", 0.01);
    v.put("waterPerOutput", 0.5);
    v.put("leadingIndustry", true);
    v.put("fixedAssetInvestment", 20000.0);
    return v;
  }

  private DmnDecisionResult screen(Map<String, Object> vars) {
    return decisionService.evaluateDecisionByKey(OnboardingProcess.SCREENING_DECISION).variables(vars).evaluate();
  }

  @Test
  @DisplayName("an application meeting every indicator passes with the default row's reason only")
  void passes() {
    DmnDecisionResult rows = screen(passing());
    assertThat(screening.result(rows)).isEqualTo(AdmissionScreening.PASS);
    assertThat(screening.reasons(rows)).isEqualTo("各项指标达到园区准入标准");
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "industryCode|25|refuse|禁止类产业",
      "industryCode|32|refuse|禁止类产业",
      "productDescription|独立电镀加工|refuse|电镀",
      "productDescription|皮革制革|refuse|制革",
      "investmentIntensity|149.99|review|投资强度",
      "taxPerMu|7.9|review|亩均税收",
      "energyPerOutput|0.31|review|能耗",
      "waterPerOutput|8.5|review|用水量",
      "leadingIndustry|false|review|主导产业",
      "fixedAssetInvestment|999|review|1000 万元"})
  @DisplayName("each refuse and review row, alone, decides with its reason")
  void eachRow(String input, String value, String result, String reasonPart) {
    Map<String, Object> vars = passing();
    Object typed = vars.get(input) instanceof Double ? (Object) Double.valueOf(value)
        : vars.get(input) instanceof Boolean ? (Object) Boolean.valueOf(value) : value;
    vars.put(input, typed);
    DmnDecisionResult rows = screen(vars);
    assertThat(screening.result(rows)).isEqualTo(result);
    assertThat(screening.reasons(rows)).contains(reasonPart).doesNotContain("各项指标达到");
  }

  @Test
  @DisplayName("the thresholds themselves pass (150 万元/亩, 8 万元/亩, 0.3 tce and 8 t per 万元, 1000 万元)")
  void thresholdsPass() {
    Map<String, Object> vars = passing();
    vars.put("investmentIntensity", 150.0);
    vars.put("taxPerMu", 8.0);
    vars.put("energyPerOutput", 0.3);
    vars.put("waterPerOutput", 8.0);
    vars.put("fixedAssetInvestment", 1000.0);
    assertThat(screening.result(screen(vars))).isEqualTo(AdmissionScreening.PASS);
  }

  @Test
  @DisplayName("a rented factory has no per-亩 ratios: those rows do not apply")
  void rentedFactory() {
    Map<String, Object> vars = passing();
    vars.put("investmentIntensity", null);
    vars.put("taxPerMu", null);
    assertThat(screening.result(screen(vars))).isEqualTo(AdmissionScreening.PASS);
  }

  @Test
  @DisplayName("a refusal outranks reviews, and its reasons are the refusal's only")
  void refusalOutranksReview() {
    Map<String, Object> vars = passing();
    vars.put("industryCode", "25");
    vars.put("leadingIndustry", false);
    DmnDecisionResult rows = screen(vars);
    assertThat(screening.result(rows)).isEqualTo(AdmissionScreening.REFUSE);
    assertThat(screening.reasons(rows)).contains("禁止类产业").doesNotContain("主导产业");
  }

  private List<String> assessments(boolean pollutes, boolean hazardous, boolean occupational, double land,
      double energy, String industry) {
    Map<String, Object> v = new HashMap<>();
    v.put("pollutes", pollutes);
    v.put("hazardousChemicals", hazardous);
    v.put("occupationalHazards", occupational);
    v.put("landArea", land);
    v.put("annualEnergyTce", energy);
    v.put("industryCode", industry);
    return plan.keys(plan.plan(decisionService.evaluateDecisionByKey(OnboardingProcess.ASSESSMENT_DECISION)
        .variables(v).evaluate()));
  }

  @Test
  @DisplayName("each assessment row: environment, safety (chemicals or occupational health, once), land, energy, chemical park")
  void assessmentRows() {
    assertThat(assessments(false, false, false, 0, 0, "39")).isEmpty();
    assertThat(assessments(true, false, false, 0, 0, "39")).containsExactly("environment");
    assertThat(assessments(false, true, false, 0, 0, "39")).containsExactly("safety");
    assertThat(assessments(false, false, true, 0, 0, "39")).containsExactly("safety");
    assertThat(assessments(false, true, true, 0, 0, "39")).containsExactly("safety");
    assertThat(assessments(false, false, false, 0.5, 0, "39")).containsExactly("land-planning");
    assertThat(assessments(false, false, false, 0, 999, "39")).isEmpty();
    assertThat(assessments(false, false, false, 0, 1000, "39")).containsExactly("energy");
    assertThat(assessments(false, false, false, 0, 0, "26")).containsExactly("chemical-park");
    String all = plan.plan(decisionService.evaluateDecisionByKey(OnboardingProcess.ASSESSMENT_DECISION)
        .variables(Map.of("pollutes", true, "hazardousChemicals", true, "occupationalHazards", false,
            "landArea", 10.0, "annualEnergyTce", 5000.0, "industryCode", "26")).evaluate());
    assertThat(plan.department(all, "environment")).isEqualTo("ecology-environment");
    assertThat(plan.department(all, "safety")).isEqualTo("emergency-management");
    assertThat(plan.department(all, "land-planning")).isEqualTo("natural-resources");
    assertThat(plan.department(all, "energy")).isEqualTo("drc");
    assertThat(plan.department(all, "chemical-park")).isEqualTo("drc");
  }
}
