package cn.parkflow.idleland;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One idle-land case (a row of {@code pf_idle_land_case}).
 *
 * @param facts the facts the case started with (contract, construction, the test's reason), exact decimals
 * @param cause the determined cause ({@code cause}, {@code article8Item}, {@code faultDepartment}, {@code idleMonths})
 * @param statement the holder's statement, as sent
 * @param draft the drafted decision (fee or recovery) and the hearing
 * @param outcome the plan, compliance, enforcement, reuse or the stopped plant's route and revival
 */
public record IdleLandCase(long id, String parcelCode, String processInstanceId, String branch,
    IdleLandStatus status, String holderCreditCode, String holderName, ObjectNode facts, JsonNode cause,
    JsonNode statement, JsonNode draft, ObjectNode outcome, String startedBy, String startedFrom, boolean open,
    Instant createdAt, Instant updatedAt, Instant closedAt) {}
