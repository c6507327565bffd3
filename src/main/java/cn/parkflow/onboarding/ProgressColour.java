package cn.parkflow.onboarding;

/**
 * A case's progress colour (domain.md §3.5, a local practice): 红 not started, 黄 slow, 绿 on track. A field of its own,
 * distinct from the deadline lights, which are about due dates of tasks.
 */
public final class ProgressColour {
  public static final String RED = "红";
  public static final String YELLOW = "黄";
  public static final String GREEN = "绿";

  private ProgressColour() {}
}
