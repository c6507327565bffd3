package cn.parkflow.construction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One report of the holder; the figures are cumulative on {@code date}. */
public record ConstructionReport(long id, ReportKind kind, LocalDate date, BigDecimal builtAreaM2,
    BigDecimal investedAmount, String note, String reportedBy, Instant reportedAt) {}
