package cn.parkflow.approval;

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

/** Every row of the routing table {@code project-review-routing}, evaluated as deployed. */
@IntegrationTest
class ProjectReviewRoutingTest {
  @Autowired DecisionService decisionService;
  @Autowired ReviewRouting routing;

  private DmnDecisionResult evaluate(String industry, double total, double land, double energy, boolean hazardous) {
    return evaluate(industry, total, land, energy, 0, hazardous);
  }

  private DmnDecisionResult evaluate(String industry, double total, double land, double energy, double electricity,
      boolean hazardous) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("annualElectricityKwh", electricity);
    vars.put("industryCode", industry);
    vars.put("totalInvestment", total);
    vars.put("landArea", land);
    vars.put("annualEnergyTce", energy);
    vars.put("hazardousChemicals", hazardous);
    return decisionService.evaluateDecisionByKey(ProjectApprovalProcess.ROUTING_DECISION).variables(vars).evaluate();
  }

  private List<String> keys(String industry, double total, double land, double energy, boolean hazardous) {
    return evaluate(industry, total, land, energy, hazardous).collectEntries("reviewKey");
  }

  @ParameterizedTest(name = "industry {0}: {1}")
  @CsvSource({"06, drc-approval", "07, drc-approval", "08, drc-approval", "09, drc-approval", "16, drc-approval",
      "25, drc-approval", "44, drc-approval", "26, drc-filing", "39, drc-filing", "13, drc-filing", "65, drc-filing"})
  @DisplayName("DRC: 核准 for the approval catalogue's industries, otherwise 备案")
  void drcApprovalOrFiling(String industry, String expected) {
    List<String> keys = keys(industry, 3000, 0, 0, false);
    assertThat(keys).contains(expected).doesNotContain(expected.equals("drc-approval") ? "drc-filing" : "drc-approval");
  }

  @Test
  @DisplayName("land pre-review only when new land is needed (landArea > 0)")
  void landPreReview() {
    assertThat(keys("39", 3000, 0, 0, false)).doesNotContain("land-pre-review");
    assertThat(keys("39", 3000, 0.5, 0, false)).contains("land-pre-review");
  }

  @ParameterizedTest(name = "industry {0}, total {1} 万元: {2}")
  @CsvSource({"26, 100, eia-report", "31, 100000, eia-report", "22, 10, eia-report", "44, 10, eia-report",
      "39, 5000, eia-table", "34, 80000, eia-table", "39, 4999.99, eia-registration", "13, 10, eia-registration",
      "65, 10, eia-none", "64, 80000, eia-none"})
  @DisplayName("environmental impact: report for polluting industries, table or registration by size")
  void environmentalImpact(String industry, double total, String expected) {
    List<String> eia = keys(industry, total, 0, 0, false).stream().filter(k -> k.startsWith("eia-")).toList();
    assertThat(eia).containsExactly(expected);
  }

  @Test
  @DisplayName("energy review from 1000 tce or 500 万 kWh per year; from 10,000 tce it is the province's, no county task")
  void energyReview() {
    assertThat(keys("39", 3000, 0, 999.9, false)).doesNotContain("energy-review");
    assertThat(keys("39", 3000, 0, 1000, false)).contains("energy-review");
    List<String> byElectricity = evaluate("39", 3000, 0, 10, 500, false).collectEntries("reviewKey");
    assertThat(byElectricity).containsOnlyOnce("energy-review");
    assertThat(evaluate("39", 3000, 0, 10, 499.99, false).collectEntries("reviewKey"))
        .doesNotContain("energy-review");
    // Both rows match: the plan keeps the review once.
    assertThat(routing.taskReviewKeys(routing.plan(evaluate("39", 3000, 0, 1500, 800, false))))
        .containsOnlyOnce("energy-review");
    String provincial = routing.plan(evaluate("39", 3000, 0, 10000, 900, false));
    assertThat(routing.taskReviewKeys(provincial)).doesNotContain("energy-review");
    assertThat(routing.recordedReviews(provincial)).extracting(ReviewRouting.Review::reviewKey)
        .containsExactly("energy-review-provincial");
    assertThat(routing.automaticReviews(provincial)).extracting(ReviewRouting.Review::reviewKey)
        .doesNotContain("energy-review-provincial");
  }

  @Test
  @DisplayName("the energy rows are marked unverified and cite the 2023 draft; no row cites domain.md")
  void energyRowsSayTheyAreUnverified() throws Exception {
    String dmn = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/project-review-routing.dmn"));
    for (String rule : List.of("rule_energyReview\"", "rule_energyReviewElectricity\"")) {
      String description = dmn.substring(dmn.indexOf(rule));
      description = description.substring(description.indexOf("<description>"), description.indexOf("</description>"));
      assertThat(description).as(rule).contains("未经核实", "unverified", "2023 年征求意见稿");
    }
    assertThat(dmn).doesNotContain("domain.md");
  }

  @ParameterizedTest(name = "industry {0}, hazardous {1}: safety review {2}")
  @CsvSource({"39, true, true", "39, false, false", "26, false, true", "26, true, true", "06, false, true",
      "10, false, true", "25, false, true", "31, false, true", "32, false, true", "13, false, false"})
  @DisplayName("safety review for hazardous chemicals or mining, chemicals and metal smelting")
  void safetyReview(String industry, boolean hazardous, boolean expected) {
    List<String> keys = keys(industry, 3000, 0, 0, hazardous);
    assertThat(keys.stream().filter("safety-review"::equals).count()).isEqualTo(expected ? 1 : 0);
  }

  @Test
  @DisplayName("each review names its department and mode; the plan keeps task reviews for the parallel subprocess")
  void departmentsModesAndPlan() {
    DmnDecisionResult result = evaluate("25", 20000, 30, 2000, true);
    String plan = routing.plan(result);
    assertThat(routing.taskReviewKeys(plan)).containsExactly("drc-approval", "land-pre-review", "eia-report",
        "energy-review", "safety-review");
    assertThat(routing.automaticReviews(plan)).isEmpty();
    assertThat(routing.review(plan, "drc-approval")).satisfies(r -> {
      assertThat(r.department()).isEqualTo("drc");
      assertThat(r.departmentName()).isEqualTo("发展和改革局");
      assertThat(r.reviewName()).isEqualTo("企业投资项目核准");
    });
    assertThat(routing.department(plan, "land-pre-review")).isEqualTo("natural-resources");
    assertThat(routing.department(plan, "eia-report")).isEqualTo("ecology-environment");
    assertThat(routing.department(plan, "energy-review")).isEqualTo("drc");
    assertThat(routing.department(plan, "safety-review")).isEqualTo("emergency-management");

    String small = routing.plan(evaluate("39", 1000, 0, 10, false));
    assertThat(routing.taskReviewKeys(small)).isEmpty();
    assertThat(routing.automaticReviews(small)).extracting(ReviewRouting.Review::reviewKey)
        .containsExactly("drc-filing", "eia-registration");
  }
}
