package cn.parkflow.land;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.web.FieldErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The rules the server enforces on the steps of {@code land-supply} (issue 10), whichever way a step is completed
 * (Tasklist, engine REST, Java): each returns every broken rule naming its field. The thresholds come from the
 * decision tables and properties; these are only the comparisons.
 */
public final class LandRules {
  public static final String AVAILABLE = "available";
  public static final String REQUISITION = "requisition";
  public static final String UNAVAILABLE = "unavailable";
  public static final String SOLD = "sold";
  public static final String UNSOLD = "unsold";
  public static final String AUCTION = "auction";
  /** The smallest down payment, as a share of the price (财综〔2009〕74号: at least 50 %). */
  public static final BigDecimal MIN_DOWN_PAYMENT_SHARE = new BigDecimal("0.5");

  private LandRules() {}

  /** The table's planning conditions (minimums and maximums) for the parcel. */
  public record Indicators(BigDecimal plotRatioMin, BigDecimal buildingCoverageMin, BigDecimal officeShareMax,
      BigDecimal greenShareMax, BigDecimal investmentIntensityMin) {}

  /** {@code userTask_prepareRequisition}: the two posting periods from the dates, and the farmland offset. */
  public static void requisition(Map<String, Object> v, LocalDate today,
      java.util.function.Function<LocalDate, LocalDate> preAnnouncementEnd,
      java.util.function.Function<LocalDate, LocalDate> postingEnd, FieldErrors errors) {
    LocalDate pre = date(v.get("preAnnouncementDate"), "preAnnouncementDate", "征收预公告日期", errors);
    LocalDate posting = date(v.get("postingDate"), "postingDate", "征地补偿安置方案公告日期", errors);
    if (pre != null && pre.isAfter(today)) {
      errors.add("preAnnouncementDate", "征收预公告日期（preAnnouncementDate）不得晚于今天：预公告须已发布");
    }
    if (pre != null && posting != null && posting.isBefore(preAnnouncementEnd.apply(pre))) {
      errors.add("postingDate", "征地补偿安置方案公告日期（postingDate）须在预公告满 10 个工作日之后（土地管理法实施条例第二十六条），"
          + "即不早于 " + preAnnouncementEnd.apply(pre));
    }
    if (posting != null && today.isBefore(postingEnd.apply(posting))) {
      errors.add("postingDate", "征地补偿安置方案公告（postingDate）期不少于 30 日（土地管理法第四十七条、实施条例第二十八条），" + posting
          + " 公告的方案须到 " + postingEnd.apply(posting) + " 才能报批");
    }
    if (!Boolean.TRUE.equals(v.get("farmlandBalanceConfirmed"))) {
      errors.add("farmlandBalanceConfirmed", "须确认耕地占补平衡已落实（farmlandBalanceConfirmed）");
    }
  }

  /** {@code userTask_recordRequisitionApproval}: the upper-level approval's number and date. */
  public static void requisitionApproval(Map<String, Object> v, LocalDate submittedNotBefore, LocalDate today,
      FieldErrors errors) {
    text(v.get("approvalNumber"), "approvalNumber", "征收批准文号", 2, 100, errors);
    LocalDate date = date(v.get("approvalDate"), "approvalDate", "批准日期", errors);
    if (date != null && date.isAfter(today)) {
      errors.add("approvalDate", "批准日期（approvalDate）不得晚于今天");
    }
    if (date != null && submittedNotBefore != null && date.isBefore(submittedNotBefore)) {
      errors.add("approvalDate", "批准日期（approvalDate）不得早于征地补偿安置方案公告日期 " + submittedNotBefore);
    }
  }

  /** {@code userTask_setPlanningConditions}: no condition looser than the table's. */
  public static void planning(Map<String, Object> v, Indicators t, FieldErrors errors) {
    BigDecimal plot = decimal(v.get("plotRatio"), "plotRatio", "容积率", errors);
    BigDecimal coverage = decimal(v.get("buildingCoverage"), "buildingCoverage", "建筑系数", errors);
    BigDecimal office = decimal(v.get("officeShare"), "officeShare", "行政办公及生活服务设施用地所占比重", errors);
    BigDecimal green = decimal(v.get("greenShare"), "greenShare", "绿地率", errors);
    BigDecimal intensity = decimal(v.get("investmentIntensity"), "investmentIntensity", "投资强度（万元/亩）", errors);
    if (plot != null && plot.compareTo(t.plotRatioMin()) < 0) {
      errors.add("plotRatio", "容积率（plotRatio）" + plain(plot) + " 低于控制指标 " + plain(t.plotRatioMin()));
    }
    if (coverage != null && (coverage.compareTo(t.buildingCoverageMin()) < 0
        || coverage.compareTo(BigDecimal.ONE) > 0)) {
      errors.add("buildingCoverage", "建筑系数（buildingCoverage，以小数计）" + plain(coverage) + " 须不低于 "
          + plain(t.buildingCoverageMin()) + " 且不超过 1");
    }
    if (office != null && (office.compareTo(t.officeShareMax()) > 0 || office.signum() < 0)) {
      errors.add("officeShare", "行政办公及生活服务设施用地所占比重（officeShare）" + plain(office) + " 不得超过 "
          + plain(t.officeShareMax()));
    }
    if (green != null && (green.compareTo(t.greenShareMax()) > 0 || green.signum() < 0)) {
      errors.add("greenShare", "绿地率（greenShare）" + plain(green) + " 不得超过 " + plain(t.greenShareMax()));
    }
    if (intensity != null && intensity.compareTo(t.investmentIntensityMin()) < 0) {
      errors.add("investmentIntensity", "投资强度（investmentIntensity）" + plain(intensity) + " 万元/亩低于控制指标 "
          + plain(t.investmentIntensityMin()) + " 万元/亩");
    }
  }

  /**
   * {@code userTask_setReservePrice}: not below the grade's minimum price, or below {@code reducedShare} of it only
   * when the project is both provincially prioritized and land-intensive (国土资发〔2009〕56号).
   *
   * @return the reserve price (元/m²), or null when refused
   */
  public static BigDecimal reservePrice(Map<String, Object> v, BigDecimal minimum, BigDecimal reducedShare,
      FieldErrors errors) {
    BigDecimal price = decimal(v.get("reservePrice"), "reservePrice", "出让底价（元/平方米）", errors);
    boolean both = Boolean.TRUE.equals(v.get("prioritized")) && Boolean.TRUE.equals(v.get("landIntensive"));
    BigDecimal floor = both ? minimum.multiply(reducedShare).setScale(2, RoundingMode.HALF_UP) : minimum;
    if (price != null && price.compareTo(floor) < 0) {
      errors.add("reservePrice", "出让底价（reservePrice）" + plain(price) + " 元/平方米低于" + (both
          ? "最低价标准的 " + plain(reducedShare.movePointRight(2)) + "%（省级优先发展且用地集约的项目，国土资发〔2009〕56号）："
          : "全国工业用地出让最低价标准（国土资发〔2006〕307号）：") + plain(floor) + " 元/平方米"
          + (both ? "" : "；仅同时为省级优先发展产业且用地集约的项目可按不低于 " + plain(reducedShare.movePointRight(2)) + "% 执行"));
    }
    return errors.has("reservePrice") ? null : price;
  }

  /** {@code userTask_recordListingResult}: the result, and for a sale the winner and a price not below the reserve. */
  public static void listingResult(Map<String, Object> v, BigDecimal reservePrice, FieldErrors errors) {
    Object result = v.get("listingResult");
    if (!SOLD.equals(result) && !UNSOLD.equals(result) && !AUCTION.equals(result)) {
      errors.add("listingResult", "挂牌结果（listingResult）须为 sold（挂牌成交）、unsold（无人竞买或无有效报价）或 auction（现场竞价成交）");
      return;
    }
    if (UNSOLD.equals(result)) {
      return;
    }
    Object code = v.get("winnerCreditCode");
    if (!(code instanceof String c) || !CreditCode.isValid(c.strip())) {
      errors.add("winnerCreditCode", "竞得人统一社会信用代码（winnerCreditCode）须为 18 位有效代码（GB 32100-2015）");
    }
    text(v.get("winnerName"), "winnerName", "竞得人名称", 2, 200, errors);
    BigDecimal price = decimal(v.get("salePrice"), "salePrice", "成交价（元/平方米）", errors);
    if (price != null && reservePrice != null && price.compareTo(reservePrice) < 0) {
      errors.add("salePrice", "成交价（salePrice）" + plain(price) + " 元/平方米低于出让底价 " + plain(reservePrice)
          + " 元/平方米：低于底价不得成交");
    }
  }

  /** The contract as checked: the dates, the down payment and the total (万元). */
  public record Contract(String number, BigDecimal price, LocalDate agreedHandOver, LocalDate agreedStart,
      LocalDate agreedCompletion, BigDecimal committedInvestment, BigDecimal investmentIntensity,
      BigDecimal downPayment, LocalDate downPaymentDue, LocalDate balanceDue) {}

  /**
   * {@code userTask_signContract}: the start at most a year after the hand-over, the dates in order, a down payment of
   * at least half the price due within {@code downPaymentBy}, the rest by {@code balanceBy}, the committed intensity
   * not below the planning conditions'.
   *
   * @param price the contract price (万元), from the sale price and the area
   */
  public static Contract contract(Map<String, Object> v, BigDecimal price, BigDecimal minIntensity, LocalDate today,
      LocalDate downPaymentBy, LocalDate balanceBy, FieldErrors errors) {
    String number = text(v.get("contractNumber"), "contractNumber", "出让合同编号", 2, 64, errors);
    LocalDate handOver = date(v.get("agreedHandOver"), "agreedHandOver", "约定交地日期", errors);
    LocalDate start = date(v.get("agreedStart"), "agreedStart", "约定开工日期", errors);
    LocalDate completion = date(v.get("agreedCompletion"), "agreedCompletion", "约定竣工日期", errors);
    BigDecimal investment = decimal(v.get("committedInvestment"), "committedInvestment", "承诺固定资产投资（万元）", errors);
    BigDecimal intensity = decimal(v.get("investmentIntensity"), "investmentIntensity", "承诺投资强度（万元/亩）", errors);
    BigDecimal down = decimal(v.get("downPayment"), "downPayment", "首付款（万元）", errors);
    LocalDate downDue = date(v.get("downPaymentDue"), "downPaymentDue", "首付款缴纳期限", errors);
    boolean whole = down != null && down.compareTo(price) >= 0;
    LocalDate balanceDue = whole && v.get("balanceDue") == null ? null
        : date(v.get("balanceDue"), "balanceDue", "余款缴纳期限", errors);
    if (handOver != null && handOver.isBefore(today)) {
      errors.add("agreedHandOver", "约定交地日期（agreedHandOver）不得早于今天");
    }
    if (handOver != null && start != null && start.isBefore(handOver)) {
      errors.add("agreedStart", "约定开工日期（agreedStart）不得早于约定交地日期 " + handOver);
    }
    if (handOver != null && start != null && start.isAfter(handOver.plusYears(1))) {
      errors.add("agreedStart", "约定开工日期（agreedStart）不得晚于交地后一年（" + handOver.plusYears(1) + "）");
    }
    if (start != null && completion != null && !completion.isAfter(start)) {
      errors.add("agreedCompletion", "约定竣工日期（agreedCompletion）须晚于约定开工日期 " + start);
    }
    if (investment != null && investment.signum() <= 0) {
      errors.add("committedInvestment", "承诺固定资产投资（committedInvestment）须大于 0");
    }
    if (intensity != null && minIntensity != null && intensity.compareTo(minIntensity) < 0) {
      errors.add("investmentIntensity", "承诺投资强度（investmentIntensity）" + plain(intensity) + " 万元/亩低于规划条件 "
          + plain(minIntensity) + " 万元/亩");
    }
    BigDecimal least = price.multiply(MIN_DOWN_PAYMENT_SHARE).setScale(2, RoundingMode.UP);
    if (down != null && (down.compareTo(least) < 0 || down.compareTo(price) > 0)) {
      errors.add("downPayment", "首付款（downPayment）" + plain(down) + " 万元须不低于出让价款 " + plain(price)
          + " 万元的 50%（" + plain(least) + " 万元，财综〔2009〕74号）且不超过出让价款");
    }
    if (downDue != null && (downDue.isBefore(today) || downDue.isAfter(downPaymentBy))) {
      errors.add("downPaymentDue", "首付款缴纳期限（downPaymentDue）须在今天至 " + downPaymentBy
          + " 之间（合同签订后一个月内，国土资发〔2010〕34号）");
    }
    if (balanceDue != null && downDue != null && !balanceDue.isAfter(downDue)) {
      errors.add("balanceDue", "余款缴纳期限（balanceDue）须晚于首付款缴纳期限 " + downDue);
    }
    if (balanceDue != null && balanceDue.isAfter(balanceBy)) {
      errors.add("balanceDue", "余款缴纳期限（balanceDue）不得晚于 " + balanceBy + "（合同签订后一年内，财综〔2009〕74号）");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Contract(number, price, handOver, start, completion, investment, intensity, down, downDue,
        whole ? null : balanceDue);
  }

  /** The late-payment penalty: {@code ratePerDay} of the amount for each day after {@code due} up to {@code paidOn}. */
  public static BigDecimal penalty(BigDecimal amount, LocalDate due, LocalDate paidOn, BigDecimal ratePerDay) {
    long days = java.time.temporal.ChronoUnit.DAYS.between(due, paidOn);
    if (days <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return amount.multiply(ratePerDay).multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP);
  }

  // --- values as forms and the REST API send them ---------------------------------------------------------------

  /** A required decimal: a number, or a number written as text (Camunda Forms send numbers as text). */
  public static BigDecimal decimal(Object value, String field, String label, FieldErrors errors) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(field, label + "（" + field + "）为必填项");
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().strip());
      } catch (NumberFormatException e) {
        // falls through to the error
      }
    }
    errors.add(field, label + "（" + field + "）须为数字");
    return null;
  }

  public static LocalDate date(Object value, String field, String label, FieldErrors errors) {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(cn.parkflow.time.Beijing.ZONE).toLocalDate();
    }
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(field, label + "（" + field + "）为必填日期，格式 YYYY-MM-DD");
      return null;
    }
    if (value instanceof String s && s.strip().length() >= 10) {
      try {
        return LocalDate.parse(s.strip().substring(0, 10));
      } catch (DateTimeParseException e) {
        // falls through to the error
      }
    }
    errors.add(field, label + "（" + field + "）须为日期，格式 YYYY-MM-DD");
    return null;
  }

  public static String text(Object value, String field, String label, int min, int max, FieldErrors errors) {
    if (!(value instanceof String s) || s.isBlank()) {
      errors.add(field, label + "（" + field + "）为必填项");
      return null;
    }
    String t = s.strip();
    int length = t.codePointCount(0, t.length());
    if (length < min || length > max) {
      errors.add(field, label + "（" + field + "）长度须为 " + min + "–" + max + " 个字符");
      return null;
    }
    return t;
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
