package cn.parkflow.land;

import cn.parkflow.approval.ProjectApprovedEvent;
import cn.parkflow.parcel.CompletionVerified;
import cn.parkflow.parcel.ParcelResupplyRequested;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where land-supply cases start from other slices (ADR 0010): an approved project that needs new land, and a parcel
 * an idle-land case decided to supply again; and where the construction watch's verified completion comes back to the
 * land case (已竣工核验). All run inside the transaction of the step that publishes the event,
 * so the land case and that step commit together or not at all.
 */
@Component
public class LandChainListener {
  private final LandSupplyService service;
  private final ParcelValidator validator;

  public LandChainListener(LandSupplyService service, ParcelValidator validator) {
    this.service = service;
    this.validator = validator;
  }

  @EventListener
  public void onProjectApproved(ProjectApprovedEvent e) {
    if (!e.landSupplyRequired() || e.landArea() == null || e.landArea().signum() <= 0) {
      return;
    }
    service.startForProject(e.projectCode(), e.creditCode(), e.enterpriseName(), e.projectName(), e.landArea(),
        e.admissionNumber());
  }

  @EventListener
  public void onResupplyRequested(ParcelResupplyRequested e) {
    ParcelFacts parcel = new ParcelFacts(e.parcelCode(), e.location(), e.areaMu(), e.landGrade(), e.industryCode(),
        "工业用地（闲置土地收回后重新供应）");
    service.startForParcel(parcel, LandSupplyService.SYSTEM, e.idleCaseKey());
  }

  @EventListener
  public void onCompletionVerified(CompletionVerified e) {
    service.completionVerified(e.landCaseKey(), e.summary(), e.verifiedOn());
  }
}
