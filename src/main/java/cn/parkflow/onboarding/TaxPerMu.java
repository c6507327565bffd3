package cn.parkflow.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 亩均税收 of the first year at full output against the agreement ("亩产论英雄", domain.md §3.4): the tax the enterprise
 * paid (万元) over the new land it took (亩). A project in a rented standard factory took no land: its tax is shown,
 * its per-mu figures stay empty.
 *
 * @param agreed the agreement's {@code committedTaxPerMu} (万元/亩/年), or {@code null}
 * @param actualTax the tax paid in the first year at full output (万元), or {@code null} until reported
 * @param actual {@code actualTax} per 亩, two decimals
 * @param shortfall how far {@code actual} falls short of {@code agreed} (0 when it reaches it)
 */
public record TaxPerMu(BigDecimal agreed, BigDecimal landArea, BigDecimal actualTax, BigDecimal actual,
    BigDecimal shortfall) {

  static TaxPerMu of(JsonNode agreement, BigDecimal landArea, BigDecimal actualTax) {
    JsonNode committed = agreement == null ? null : agreement.get("committedTaxPerMu");
    BigDecimal agreed = committed == null || !committed.isNumber() ? null : committed.decimalValue();
    BigDecimal actual = actualTax == null || landArea == null || landArea.signum() <= 0 ? null
        : actualTax.divide(landArea, 2, RoundingMode.HALF_UP);
    BigDecimal shortfall = actual == null || agreed == null ? null : agreed.subtract(actual).max(BigDecimal.ZERO);
    return new TaxPerMu(agreed, landArea, actualTax, actual, shortfall);
  }

  /** For the case record: 亩均 9.50 万元/亩（约定 10 万元/亩，差 0.50 万元/亩）. */
  String describe() {
    return "达产首年实缴税收 " + actualTax.stripTrailingZeros().toPlainString() + " 万元" + (actual == null
        ? "（租赁标准厂房，不计亩均）" : "，亩均 " + actual.toPlainString() + " 万元/亩" + (agreed == null ? ""
            : "（约定 " + agreed.stripTrailingZeros().toPlainString() + " 万元/亩" + (shortfall.signum() > 0
                ? "，差 " + shortfall.toPlainString() + " 万元/亩" : "，已达到约定") + "）"));
  }
}
