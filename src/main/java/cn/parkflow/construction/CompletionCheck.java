package cn.parkflow.construction;

import cn.parkflow.parcel.ParcelContract;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 竣工核验: the measured indicators against the sale contract's planning conditions and committed investment
 * intensity (国土资发〔2008〕24号 indicators, as the contract fixed them). A plot ratio, building coverage or investment
 * intensity below the contract's is a shortfall with the contract's proportional penalty (domain.md §2.4, the Tianjin
 * model contract after GF-2008-2601 and 国土资发〔2006〕83号: "a penalty equal to the same proportion of the land price
 * as the shortfall"): {@code price × (target − measured) / target × factor}, one term per indicator, summed; the
 * factor is {@code parkflow.construction-watch.shortfall-penalty-factor} (1 = the same proportion). An office or
 * green share above the contract's maximum is recorded as a breach; domain.md names no rate for it, so no amount is
 * computed (the contract's own clause applies).
 */
@Component
public class CompletionCheck {
  /** The measured indicators as the form sends them: plot ratio, the shares in per cent, intensity in 万元/亩. */
  public record Measured(BigDecimal plotRatio, BigDecimal coveragePercent, BigDecimal officeSharePercent,
      BigDecimal greenSharePercent, BigDecimal intensity) {}

  /** The verification as recorded. */
  public record Result(Measured measured, List<String> findings, boolean shortfall, BigDecimal penalty) {
    public String summary() {
      return String.join("；", findings) + (shortfall ? "；违约金合计 " + penalty.toPlainString() + " 万元" : "");
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private final BigDecimal factor;

  public CompletionCheck(@Value("${parkflow.construction-watch.shortfall-penalty-factor:1}") BigDecimal factor) {
    this.factor = factor;
  }

  /** The rule as the holder's notice states it. */
  public String penaltyRule() {
    return "按出让合同约定，实际指标低于约定指标的，按差额比例乘以土地出让价款计收违约金（系数 " + factor.toPlainString()
        + "；参照 GF-2008-2601 示范文本及国土资发〔2006〕83号补充协议的违约条款）";
  }

  /** The contract's indicators, one a line, for the verification form. */
  public static String targets(ParcelContract c) {
    return "容积率不低于 " + plain(c.plotRatio()) + "\n建筑系数不低于 " + percent(c.buildingCoverage()) + "%\n"
        + "行政办公及生活服务设施用地比重不超过 " + percent(c.officeShare()) + "%\n绿地率不超过 " + percent(c.greenShare())
        + "%\n投资强度不低于 " + plain(c.investmentIntensity()) + " 万元/亩\n出让价款 " + plain(c.price()) + " 万元";
  }

  private static String plain(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }

  private static String percent(BigDecimal fraction) {
    return fraction == null ? "—" : fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString();
  }

  /** Compares {@code measured} (the task's values, already checked by {@link ConstructionTaskRules}). */
  public Result check(ParcelContract c, Map<String, Object> values) {
    Measured m = new Measured(ConstructionTaskRules.decimal(values.get("measuredPlotRatio")),
        ConstructionTaskRules.decimal(values.get("measuredCoverage")),
        ConstructionTaskRules.decimal(values.get("measuredOfficeShare")),
        ConstructionTaskRules.decimal(values.get("measuredGreenShare")),
        ConstructionTaskRules.decimal(values.get("measuredIntensity")));
    List<String> findings = new ArrayList<>();
    BigDecimal penalty = BigDecimal.ZERO;
    penalty = penalty.add(minimum(findings, "容积率", m.plotRatio(), c.plotRatio(), c.price(), ""));
    penalty = penalty.add(minimum(findings, "建筑系数", m.coveragePercent(), scaled(c.buildingCoverage()), c.price(),
        "%"));
    penalty = penalty.add(minimum(findings, "投资强度", m.intensity(), c.investmentIntensity(), c.price(), " 万元/亩"));
    boolean exceeded = maximum(findings, "行政办公及生活服务设施用地比重", m.officeSharePercent(), scaled(c.officeShare()));
    exceeded |= maximum(findings, "绿地率", m.greenSharePercent(), scaled(c.greenShare()));
    boolean shortfall = penalty.signum() > 0 || exceeded;
    return new Result(m, findings, shortfall, penalty.setScale(4, RoundingMode.HALF_UP));
  }

  private static BigDecimal scaled(BigDecimal fraction) {
    return fraction == null ? null : fraction.multiply(HUNDRED);
  }

  private BigDecimal minimum(List<String> findings, String name, BigDecimal measured, BigDecimal target,
      BigDecimal price, String unit) {
    if (target == null || target.signum() <= 0 || measured == null) {
      findings.add(name + "：合同未约定，不核验");
      return BigDecimal.ZERO;
    }
    if (measured.compareTo(target) >= 0) {
      findings.add(name + " " + plain(measured) + unit + "，达到约定（不低于 " + plain(target) + unit + "）");
      return BigDecimal.ZERO;
    }
    BigDecimal proportion = target.subtract(measured).divide(target, MathContext.DECIMAL64);
    BigDecimal amount = price == null ? BigDecimal.ZERO
        : price.multiply(proportion).multiply(factor).setScale(4, RoundingMode.HALF_UP);
    findings.add(name + " " + plain(measured) + unit + "，低于约定 " + plain(target) + unit + "，差额比例 "
        + proportion.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%，违约金 "
        + amount.toPlainString() + " 万元");
    return amount;
  }

  /** Whether {@code measured} exceeds the contract's maximum (a breach). */
  private static boolean maximum(List<String> findings, String name, BigDecimal measured, BigDecimal limit) {
    if (limit == null || measured == null) {
      findings.add(name + "：合同未约定，不核验");
      return false;
    }
    if (measured.compareTo(limit) > 0) {
      findings.add(name + " " + plain(measured) + "%，超过约定上限 " + plain(limit) + "%（违约，按合同约定处理）");
      return true;
    }
    findings.add(name + " " + plain(measured) + "%，符合约定（不超过 " + plain(limit) + "%）");
    return false;
  }
}
