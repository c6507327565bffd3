package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The status transitions of project-approval are one table; a move not in it throws. */
class ProjectStatusTest {
  @Test
  @DisplayName("the table allows the paths of the model and nothing out of a closed case")
  void transitions() {
    assertThat(ProjectStatus.ACCEPTING.mayMoveTo(ProjectStatus.REVIEWING)).isTrue();
    assertThat(ProjectStatus.SUPPLEMENTING.mayMoveTo(ProjectStatus.SUPPLEMENT_OVERDUE)).isTrue();
    assertThat(ProjectStatus.REVIEWING.mayMoveTo(ProjectStatus.APPROVED)).isTrue();
    assertThat(ProjectStatus.ACCEPTING.mayMoveTo(ProjectStatus.APPROVED)).isFalse();
    Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::closed).forEach(closed ->
        assertThat(Arrays.stream(ProjectStatus.values()).filter(closed::mayMoveTo)).as(closed.name()).isEmpty());
  }

  @Test
  @DisplayName("a transition not in the table throws, naming both states")
  void unknownTransitionThrows() {
    assertThatThrownBy(() -> ProjectStatus.APPROVED.checkMoveTo(ProjectStatus.REVIEWING))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("APPROVED").hasMessageContaining("REVIEWING");
  }
}
