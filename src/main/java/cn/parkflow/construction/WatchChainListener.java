package cn.parkflow.construction;

import cn.parkflow.parcel.ParcelResupplyRequested;
import cn.parkflow.parcel.TitleRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the chain starts and ends a parcel's watch (ADR 0010), inside the transaction of the step that publishes the
 * event: the registered title starts it (a watch that fails to start rolls the registration back instead of leaving
 * a titled parcel unwatched); the recovered parcel to be supplied again ends it (the new title starts a new one).
 */
@Component
public class WatchChainListener {
  private final ConstructionService service;

  public WatchChainListener(ConstructionService service) {
    this.service = service;
  }

  @EventListener
  public void on(TitleRegistered event) {
    service.start(event.contract());
  }

  @EventListener
  public void on(ParcelResupplyRequested event) {
    service.resupplyRequested(event.parcelCode());
  }
}
