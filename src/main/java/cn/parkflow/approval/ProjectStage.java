package cn.parkflow.approval;

/** The stage a case is in, as shown to the applicant (the progress query of the national investment platform). */
public final class ProjectStage {
  public static final String INTAKE = "受理审查";
  public static final String SUPPLEMENT = "补正材料";
  public static final String DEPARTMENT_REVIEW = "部门并联审查";
  public static final String JOINT_DECISION = "联审决定";
  public static final String CLOSED = "已办结";

  private ProjectStage() {}
}
