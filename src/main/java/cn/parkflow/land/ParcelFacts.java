package cn.parkflow.land;

import java.math.BigDecimal;

/**
 * A parcel as the natural-resources clerk describes it (start form, {@code POST /api/parcels},
 * {@code userTask_designateParcel}): its code, where it lies, its area (亩), its grade of industrial land (1–15), the
 * planned industry (GB/T 4754-2017 division) and use.
 */
public record ParcelFacts(String parcelCode, String location, BigDecimal areaMu, Integer landGrade,
    String industryCode, String plannedUse) {}
