package cn.parkflow.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of {@code pf_admission}: the application and the case's business state. */
public record Admission(
    String admissionNumber,
    String processInstanceId,
    AdmissionApplication application,
    AdmissionStatus status,
    String stage,
    String screeningResult,
    String screeningReasons,
    JsonNode agreement,
    String liaison,
    String leader,
    boolean incentivesEscalated,
    String withdrawalReason,
    String createdBy,
    Instant createdAt,
    Instant decidedAt,
    String progressColour) {}
