package cn.parkflow.idleland;

import cn.parkflow.parcel.ParcelFoundIdle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts branch A when the construction watch finds a parcel idle, inside the watch's transaction (ADR 0010): the
 * case and the check that found it commit together or not at all.
 */
@Component
public class ParcelFoundIdleListener {
  private final IdleLandService service;

  public ParcelFoundIdleListener(IdleLandService service) {
    this.service = service;
  }

  @EventListener
  public void on(ParcelFoundIdle event) {
    service.foundIdle(event);
  }
}
