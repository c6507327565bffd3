package cn.parkflow.construction;

import cn.parkflow.parcel.TitleRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the parcel's watch when its title is registered, inside the registering step's transaction (ADR 0010): a
 * watch that fails to start rolls the registration back instead of leaving a titled parcel unwatched.
 */
@Component
public class TitleRegisteredListener {
  private final ConstructionService service;

  public TitleRegisteredListener(ConstructionService service) {
    this.service = service;
  }

  @EventListener
  public void on(TitleRegistered event) {
    service.start(event.contract());
  }
}
