package cn.parkflow.onboarding;

/** The stage an admission case is in, as shown to the enterprise. */
public final class AdmissionStage {
  public static final String SCREENING = "准入筛查";
  public static final String PRELIMINARY = "初步评估";
  public static final String ASSESSMENT = "入园评估";
  public static final String DECISION = "主任办公会决定";
  public static final String INCENTIVES = "优惠政策审批";
  public static final String AGREEMENT = "签订协议";
  public static final String LIAISON = "确定联络员";
  public static final String FOLLOW_UP = "跟踪服务";
  public static final String CLOSED = "已办结";

  private AdmissionStage() {}
}
