package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.util.UUID;
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
}
