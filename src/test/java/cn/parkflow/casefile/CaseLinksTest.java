package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CaseLinksTest {
  @Autowired CaseLinks links;

  @Test
  void bothCasesSeeTheLinkOnceAndItFollowsARekey() {
    String project = "P-" + UUID.randomUUID();
    String land = "L-" + UUID.randomUUID();
    links.link("project-approval", project, "land-supply", land, "land-supply");
    links.link("project-approval", project, "land-supply", land, "land-supply");

    assertThat(links.of("project-approval", project)).singleElement().satisfies(l -> {
      assertThat(l.process()).isEqualTo("land-supply");
      assertThat(l.key()).isEqualTo(land);
      assertThat(l.outgoing()).isTrue();
    });
    assertThat(links.of("land-supply", land)).singleElement().satisfies(l -> {
      assertThat(l.process()).isEqualTo("project-approval");
      assertThat(l.key()).isEqualTo(project);
      assertThat(l.outgoing()).isFalse();
    });

    String parcel = "360124001003GB" + String.format("%05d", (int) (Math.random() * 99998) + 1);
    links.rekey("land-supply", land, parcel);
    assertThat(links.of("land-supply", land)).isEmpty();
    assertThat(links.of("land-supply", parcel)).singleElement()
        .satisfies(l -> assertThat(l.key()).isEqualTo(project));
    assertThat(links.of("project-approval", project)).singleElement()
        .satisfies(l -> assertThat(l.key()).isEqualTo(parcel));
  }

  @Test
  void twoCasesUnderOneKeyEachSeeTheLinksOfTheirOwnTime() {
    String parcel = "360124001003GB" + String.format("%05d", (int) (Math.random() * 99998) + 1);
    String project = "P-" + UUID.randomUUID();
    Instant first = Instant.parse("2027-01-04T02:00:00Z");
    Instant second = Instant.parse("2030-01-04T02:00:00Z");
    try {
      ClockUtil.setCurrentTime(Date.from(first));
      links.link("project-approval", project, "land-supply", parcel, "land-supply");
      ClockUtil.setCurrentTime(Date.from(second));
      links.link("idle-land-recovery", parcel, "land-supply", parcel, "resupply");
    } finally {
      ClockUtil.reset();
    }
    assertThat(links.of("land-supply", parcel)).hasSize(2);
    assertThat(links.of("land-supply", parcel, first, second)).singleElement()
        .satisfies(l -> assertThat(l.relation()).isEqualTo("land-supply"));
    assertThat(links.of("land-supply", parcel, second, null)).singleElement()
        .satisfies(l -> assertThat(l.relation()).isEqualTo("resupply"));
  }
}
