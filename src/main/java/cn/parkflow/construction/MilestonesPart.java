package cn.parkflow.construction;

import cn.parkflow.parcel.ParcelViewPart;
import org.springframework.stereotype.Component;

/**
 * The parcel view's {@code milestones} ({@code GET /api/parcels/{parcelCode}}, owned by the land slice): the agreed
 * start and completion, the reported and confirmed dates, every report, the last idle-land test and the
 * verification's penalty, with the watch's own status ({@code watchStatus}), open steps ({@code openSteps}) and the
 * cases the watch is linked to ({@code links}: its land case, an idle-land case it started).
 */
@Component
public class MilestonesPart implements ParcelViewPart {
  private final ConstructionService service;

  public MilestonesPart(ConstructionService service) {
    this.service = service;
  }

  @Override
  public String field() {
    return "milestones";
  }

  @Override
  public Object valueFor(String parcelCode) {
    return service.milestones(parcelCode);
  }
}
