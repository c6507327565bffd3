package cn.parkflow.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every row of {@code idle-land-test} (Order 53 Art. 2), evaluated as deployed, and the inputs derived from facts. */
@IntegrationTest
class IdleLandTestTableTest {
  private static final LocalDate AGREED_START = LocalDate.of(2025, 3, 1);

  @Autowired IdleLandTest test;

  @ParameterizedTest(name = "[{index}] {7} → {8}")
  @CsvSource(delimiter = '|', value = {
      // started|completed|monthsPast|built|invested|stopped|prodStopped|case|result|reason
      "false|false|12|0|0|0|0|not started, a year past the agreed start|idle|第二条第一款",
      "false|false|30|0|0|0|0|not started, 2½ years past|idle|满一年未动工",
      "false|false|11|0|0|0|0|not started, 11 months past|watch|未满一年",
      "false|false|0|0|0|0|0|not started, agreed start this month|ok|尚未到约定",
      "false|false|-3|0|0|0|0|not started, before the agreed start|ok|尚未到约定",
      "true|false|20|0.30|0.50|12|0|a third not built, stopped a year|idle|三分之一",
      "true|false|20|0.50|0.20|12|0|a quarter not invested, stopped a year|idle|百分之二十五",
      "true|false|20|0.30|0.50|11|0|a third not built, stopped 11 months|watch|未满一年",
      "true|false|20|0.50|0.20|3|0|a quarter not invested, stopped 3 months|watch|未满一年",
      "true|false|20|0.40|0.30|24|0|enough built and invested, stopped 2 years|watch|不构成闲置土地",
      "true|false|20|0.30|0.20|0|0|little built, still building|ok|正常",
      "true|true|40|1.0|1.0|0|6|a finished plant stopped 6 months|stopped-plant|不适用《闲置土地处置办法》",
      "true|true|40|1.0|1.0|0|5|a finished plant stopped 5 months|ok|正常",
      "true|true|40|1.0|1.0|0|0|a finished plant producing|ok|正常"})
  void eachRow(boolean started, boolean completed, int monthsPast, double built, double invested, int stopped,
      int productionStopped, String situation, String result, String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put("started", started);
    v.put("completed", completed);
    v.put("monthsPastAgreedStart", monthsPast);
    v.put("builtShare", built);
    v.put("investedShare", invested);
    v.put("stoppedMonths", stopped);
    v.put("productionStoppedMonths", productionStopped);
    IdleLandTest.Result r = test.classify(v);
    assertThat(r.result()).as(situation).isEqualTo(result);
    assertThat(r.reason()).contains(reason);
  }

  @Test
  @DisplayName("a year is twelve whole months, reached on the anniversary of the agreed start")
  void aYearIsReachedOnTheAnniversary() {
    ParcelContract contract = contract();
    ConstructionState none = ConstructionState.notStarted();
    assertThat(test.classify(contract, none, LocalDate.of(2026, 2, 28)).result()).isEqualTo("watch");
    assertThat(test.classify(contract, none, LocalDate.of(2026, 3, 1)).result()).isEqualTo("idle");
  }

  @Test
  @DisplayName("the built share is the developed land area against the parcel's area in m² (1 亩 = 666.67 m²)")
  void sharesFromFacts() {
    ParcelContract contract = contract();
    // 30 亩 = 20,000 m²; 6,000 m² developed is 30 %, below a third; 2,000 of 5,000 万元 invested is 40 %
    ConstructionState stopped = new ConstructionState(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 6, 1), null,
        null, new BigDecimal("6000"), new BigDecimal("2000"));
    Map<String, Object> inputs = IdleLandTest.inputs(contract, stopped, LocalDate.of(2026, 6, 1));
    assertThat((double) inputs.get("builtShare")).isBetween(0.2999, 0.3001);
    assertThat((double) inputs.get("investedShare")).isEqualTo(0.4);
    assertThat(inputs.get("stoppedMonths")).isEqualTo(12);
    IdleLandTest.Result r = test.classify(contract, stopped, LocalDate.of(2026, 6, 1));
    assertThat(r.idle()).isTrue();
    assertThat(test.classify(contract, stopped, LocalDate.of(2026, 5, 31)).result()).isEqualTo("watch");
  }

  private static ParcelContract contract() {
    return new ParcelContract("360124001003GB00012", "360124001003GB00012", "91360124MA39PFL7XC", "甲公司", null,
        null, new BigDecimal("30"), 12, "39", "进贤出让〔2024〕7号", new BigDecimal("900"), LocalDate.of(2024, 3, 1),
        LocalDate.of(2024, 3, 1), AGREED_START, LocalDate.of(2027, 3, 1), new BigDecimal("5000"), "园区纬三路北侧",
        new BigDecimal("1.2"), new BigDecimal("0.40"), new BigDecimal("0.07"), new BigDecimal("0.15"),
        new BigDecimal("166.67"), "赣(2024)进贤县不动产权第0000001号");
  }
}
