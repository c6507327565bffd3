package cn.parkflow.approval;

import java.time.Instant;

/** One row of {@code pf_project}: the application and the case's business state. */
public record Project(
    String projectCode,
    String processInstanceId,
    ProjectApplication application,
    ProjectStatus status,
    String stage,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant acceptedAt,
    boolean deemedAccepted,
    Instant jointReviewDue,
    boolean jointReviewExtended,
    boolean landSupplyRequired,
    Instant decidedAt,
    String withdrawalReason,
    /** The admission case the application named (issue 11), or {@code null}. */
    String admissionNumber) {}
