package cn.parkflow.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParcelCodeTest {
  private static final String REGION = "360124";

  @Test
  void theContractsExampleIsAParcelCodeOfTheCounty() {
    assertThat(ParcelCode.problems("360124001003GB00012", REGION)).isEmpty();
    ParcelCode code = ParcelCode.of("360124001003GB00012", REGION);
    assertThat(code.cadastralZone()).isEqualTo("001003");
    assertThat(code.toString()).isEqualTo("360124001003GB00012");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "360124001003GB0001|应为 19 位",
      "360124001003GB000123|应为 19 位",
      "360125001003GB00012|本县行政区划代码 360124",
      "36012400A003GB00012|前 12 位",
      "360124001003JA00012|宗地特征码",
      "360124001003gb00012|宗地特征码",
      "360124001003GB0001X|宗地顺序号",
      "360124001003GB00000|不能为 00000",
      "' '|请填写宗地代码"})
  void eachDefectIsNamed(String text, String message) {
    assertThat(ParcelCode.problems(text, REGION)).anySatisfy(p -> assertThat(p).contains(message));
  }

  @Test
  void everyDefectIsNamedAtOnce() {
    assertThat(ParcelCode.problems("360125001003XX0000Y", REGION)).hasSize(3);
    assertThatThrownBy(() -> ParcelCode.of(null, REGION)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("宗地代码");
  }
}
