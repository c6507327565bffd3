package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The organs' legal names: the defaults, a configured name, and that each is read from the configuration once. */
class OrgansTest {

  @Test
  void defaultNamesCarryTheCountysName() {
    Organs organs = new Organs(new MockEnvironment());

    assertThat(organs.countyName()).isEqualTo("进贤县");
    assertThat(organs.name("park-admin")).isEqualTo("进贤县园区管委会");
    assertThat(organs.name("county-government")).isEqualTo("进贤县人民政府");
  }

  @Test
  void configuredNamesWinAndTheCountyNameIsTheConfiguredOne() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("parkflow.county-name", "安义县")
        .withProperty("parkflow.organs.drc", " 安义县发展和改革委员会 ");
    Organs organs = new Organs(environment);

    assertThat(organs.name("drc")).isEqualTo("安义县发展和改革委员会");
    assertThat(organs.name("county-government")).isEqualTo("安义县人民政府");
  }

  @Test
  void eachNameIsReadOnceAndKeptUntilRestart() {
    MockEnvironment environment = new MockEnvironment().withProperty("parkflow.organs.drc", "甲");
    Organs organs = new Organs(environment);
    assertThat(organs.name("drc")).isEqualTo("甲");
    assertThat(organs.countyName()).isEqualTo("进贤县");

    environment.setProperty("parkflow.organs.drc", "乙");
    environment.setProperty("parkflow.county-name", "安义县");

    assertThat(organs.name("drc")).isEqualTo("甲");
    assertThat(organs.countyName()).isEqualTo("进贤县");
    assertThat(new Organs(environment).name("drc")).isEqualTo("乙");
  }
}
