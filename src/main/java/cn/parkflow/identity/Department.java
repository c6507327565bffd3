package cn.parkflow.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Camunda groups of the contract. Ids are stable; the Chinese names are what users see. */
public enum Department {
  PARK_ADMIN("park-admin", "园区管委会", "Park Administrative Committee", "管委会", true),
  INVESTMENT_PROMOTION("investment-promotion", "经合局（投资促进局）", "Investment Promotion Bureau", "经合局", true),
  DRC("drc", "发展和改革局", "Development and Reform Bureau", "发改局", true),
  NATURAL_RESOURCES("natural-resources", "自然资源和规划局", "Natural Resources and Planning Bureau", "自然资源局", true),
  ECOLOGY_ENVIRONMENT("ecology-environment", "生态环境分局", "Ecology and Environment Bureau", "生态环境分局", true),
  EMERGENCY_MANAGEMENT("emergency-management", "应急管理局", "Emergency Management Bureau", "应急局", true),
  HOUSING_CONSTRUCTION("housing-construction", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "住建局", true),
  FINANCE("finance", "财政局", "Finance Bureau", "财政局", true),
  COUNTY_GOVERNMENT("county-government", "县人民政府", "County People's Government", "县政府", true),
  TRADING_CENTRE("trading-centre", "公共资源交易中心", "Public Resources Trading Centre", "交易中心", true),
  PLATFORM_COMPANY("platform-company", "园区平台公司", "Park Development Company (state-owned)", "平台公司", true),
  JUSTICE("justice", "司法局", "Justice Bureau", "司法局", true),
  SUPERVISION("supervision", "督查室", "Supervision Office", "督查室", false),
  ENTERPRISE("enterprise", "企业", "Enterprises", "企业", false),
  ADMINISTRATORS("camunda-admin", "系统管理员", "Administrators", "管理员", false);

  private final String groupId;
  private final String chineseName;
  private final String englishName;
  private final String shortName;
  private final boolean handlesTasks;

  Department(String groupId, String chineseName, String englishName, String shortName, boolean handlesTasks) {
    this.groupId = groupId;
    this.chineseName = chineseName;
    this.englishName = englishName;
    this.shortName = shortName;
    this.handlesTasks = handlesTasks;
  }

  public String groupId() {
    return groupId;
  }

  public String chineseName() {
    return chineseName;
  }

  public String englishName() {
    return englishName;
  }

  public String shortName() {
    return shortName;
  }

  /** A department whose clerks work tasks in Tasklist (not supervisors, enterprises or administrators). */
  public boolean handlesTasks() {
    return handlesTasks;
  }

  /**
   * The group of this department's leaders ({@code <group id>-leaders}, the contract's name): they approve the
   * department's own extensions. Its members belong to the department's group too.
   */
  public String leadersGroupId() {
    return leadersOf(groupId);
  }

  /** What the leaders' group is called: the department's Chinese name and 负责人. */
  public String leadersName() {
    return chineseName + "负责人";
  }

  /** The leaders' group of any department group id. */
  public static String leadersOf(String groupId) {
    return groupId + LEADERS_SUFFIX;
  }

  private static final String LEADERS_SUFFIX = "-leaders";

  public static List<Department> taskDepartments() {
    return Arrays.stream(values()).filter(Department::handlesTasks).toList();
  }

  public static Optional<Department> byGroupId(String groupId) {
    return Arrays.stream(values()).filter(d -> d.groupId.equals(groupId)).findFirst();
  }

  /** The Chinese name for a group id, or the id itself when it is not a ParkFlow department. */
  public static String nameOf(String groupId) {
    return byGroupId(groupId).map(Department::chineseName).orElse(groupId);
  }
}
