package cn.parkflow.construction;

import cn.parkflow.parcel.ParcelResupplyRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the parcel's watch when an idle-land case decides to supply the recovered parcel again, inside the reuse
 * decision's transaction (ADR 0010); the new title starts a new watch.
 */
@Component
public class ResupplyListener {
  private final ConstructionService service;

  public ResupplyListener(ConstructionService service) {
    this.service = service;
  }

  @EventListener
  public void on(ParcelResupplyRequested event) {
    service.resupplyRequested(event.parcelCode());
  }
}
