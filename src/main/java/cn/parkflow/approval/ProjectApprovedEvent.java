package cn.parkflow.approval;

import java.math.BigDecimal;

/**
 * A project was approved (the joint decision). Published as a Spring application event inside the approving
 * transaction (ADR 0010). This is the link point for the {@code land-supply} process: when {@code landSupplyRequired},
 * new industrial land ({@code landArea} 亩) must be supplied for the project; a listener of the land-supply slice
 * starts that process with the project code (e.g. {@code @EventListener void on(ProjectApprovedEvent e)}).
 * {@code admissionNumber} is the enterprise's admission case the application named (issue 11), or {@code null}; land
 * supply carries it on.
 */
public record ProjectApprovedEvent(String projectCode, String creditCode, String enterpriseName, String projectName,
    BigDecimal landArea, boolean landSupplyRequired, String admissionNumber) {}
