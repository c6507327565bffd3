package cn.parkflow.approval;

import cn.parkflow.deadline.ProvisionalDueDates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A provisional due date was computed again once its year's notice arrived (ADR 0012): the case's copy of the joint
 * limit ({@code pf_project.joint_review_due}) follows its timer when it held the old value.
 */
@Component
class JointLimitRecomputed {
  private final ProjectRepository projects;

  JointLimitRecomputed(ProjectRepository projects) {
    this.projects = projects;
  }

  @EventListener
  void on(ProvisionalDueDates.DueDateRecomputed moved) {
    projects.moveJointReviewDue(moved.processInstanceId(), moved.oldDue(), moved.newDue());
  }
}
