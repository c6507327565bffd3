package cn.parkflow.land;

/** The stage a land case is in, as shown with its status. */
public final class LandStage {
  public static final String DESIGNATION = "落实宗地与用地指标";
  public static final String REQUISITION = "土地征收报批";
  public static final String PLANNING = "拟定规划条件";
  public static final String RESERVE_PRICE = "确定出让底价";
  public static final String SUPPLY_PLAN = "供地方案审批";
  public static final String ANNOUNCEMENT = "出让公告";
  public static final String LISTING = "挂牌交易";
  public static final String CONTRACT = "签订出让合同";
  public static final String PAYMENT = "缴纳出让价款";
  public static final String RESCISSION = "逾期缴款：决定是否解除合同";
  public static final String HAND_OVER = "交付土地";
  public static final String REGISTRATION = "不动产登记";
  public static final String WATCH = "供后监管";
  public static final String CLOSED = "已办结";

  private LandStage() {}
}
