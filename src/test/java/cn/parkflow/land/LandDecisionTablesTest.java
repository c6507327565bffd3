package cn.parkflow.land;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.land.LandRules.Indicators;
import cn.parkflow.parcel.ParcelViewPart;
import cn.parkflow.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The two decision tables of {@code land-supply} as deployed: every grade of the national minimum price, and the
 * planning indicators by industry and grade; and a {@link ParcelViewPart} of another slice reaching the parcel view.
 */
@IntegrationTest
class LandDecisionTablesTest {
  @Autowired LandSupplyService service;
  @Autowired DecisionService decisionService;
  @Autowired LandCases cases;
  @Autowired ParcelView view;

  /** A part as the construction watch adds one: only for parcels whose sequence number ends in 7. */
  private static final ParcelViewPart PART = new ParcelViewPart() {
    @Override
    public String field() {
      return "testPart";
    }

    @Override
    public Object valueFor(String parcelCode) {
      return parcelCode.endsWith("7") ? Map.of("parcel", parcelCode) : null;
    }
  };

  @Autowired cn.parkflow.casefile.CaseRecord caseRecord;
  @Autowired cn.parkflow.casefile.CaseLinks caseLinks;
  @Autowired cn.parkflow.caseview.OpenSteps openSteps;
  @Autowired cn.parkflow.time.EngineClock clock;

  @ParameterizedTest(name = "grade {0}: {1} 元/m², {2}")
  @CsvSource({
      "1, 840, 未核实", "2, 720, 未核实", "3, 600, 未核实", "4, 480, 已核实", "5, 384, 未核实", "6, 336, 未核实",
      "7, 288, 未核实", "8, 252, 已核实", "9, 204, 未核实", "10, 168, 已核实", "11, 144, 已核实", "12, 120, 未核实",
      "13, 96, 未核实", "14, 84, 未核实", "15, 60, 未核实"})
  @DisplayName("industrial-land-minimum-price: each of the 15 grades, and which values domain.md verified")
  void minimumPrice(int grade, String price, String source) {
    assertThat(service.minimumPrice(grade)).isEqualByComparingTo(price);
    Object s = decisionService.evaluateDecisionByKey(LandSupplyProcess.MINIMUM_PRICE_DECISION)
        .variables(Map.of("landGrade", grade)).evaluate().getSingleResult().getEntry("source");
    assertThat((String) s).startsWith(source);
  }

  private Indicators indicators(String industry, int grade) {
    return service.indicators(new LandCase(0, "k", null, null, null, null, LandStatus.PLANNING, "", null, null, null,
        BigDecimal.TEN, grade, industry, null, null, null, null, null, null, 0, null, null, null, null, null, null,
        null, null, null, "t", java.time.Instant.now(), null));
  }

  @ParameterizedTest(name = "industry {0}, grade {1}: plot ratio ≥ {2}, intensity ≥ {3}")
  @CsvSource({
      "13, 1, 1.0, 293.3", "14, 15, 1.0, 29.3", "39, 8, 1.0, 136.1", "17, 5, 0.8, 199.9", "20, 10, 0.8, 92.7",
      "22, 12, 0.8, 63.2", "33, 13, 0.7, 43.1", "34, 4, 0.7, 293.3", "35, 6, 0.7, 199.9", "26, 7, 0.6, 136.1",
      "31, 11, 0.6, 63.2", "32, 14, 0.6, 43.1", "25, 9, 0.5, 92.7", "40, 3, 0.7, 293.3", "99, 15, 0.7, 29.3"})
  @DisplayName("industrial-land-indicators: plot ratio by industry, intensity by grade class, the 2008 shares")
  void indicators(String industry, int grade, String plotRatio, String intensity) {
    Indicators t = indicators(industry, grade);
    assertThat(t.plotRatioMin()).isEqualByComparingTo(plotRatio);
    assertThat(t.investmentIntensityMin()).isEqualByComparingTo(intensity);
    assertThat(t.buildingCoverageMin()).isEqualByComparingTo("0.30");
    assertThat(t.officeShareMax()).isEqualByComparingTo("0.07");
    assertThat(t.greenShareMax()).isEqualByComparingTo("0.20");
  }

  @Test
  @DisplayName("every ParcelViewPart's field is in the parcel's view, and left out when the part has nothing")
  void viewParts() {
    String withPart;
    String without;
    do {
      withPart = cases.startParcel();
    } while (!withPart.endsWith("7"));
    do {
      without = cases.startParcel();
    } while (without.endsWith("7"));
    ParcelView withParts = new ParcelView(caseRecord, caseLinks, cases.cases, openSteps, clock, service,
        new StaticListableBeanFactory(Map.of("testPart", PART)).getBeanProvider(ParcelViewPart.class));
    assertThat(withParts.of(cases.landCase(withPart))).containsEntry("testPart", Map.of("parcel", withPart));
    assertThat(withParts.of(cases.landCase(without))).doesNotContainKey("testPart");
    assertThat(view.of(cases.landCase(withPart))).doesNotContainKey("testPart");
  }
}
