package cn.parkflow.chain;

import cn.parkflow.parcel.ParcelFoundIdle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A listener of the chain that fails for the parcels a test names, as the idle-land slice's start would if it broke:
 * the start of the next case fails inside the transaction of the step that caused it.
 */
@Component
class FailingIdleStart {
  final Set<String> failFor = ConcurrentHashMap.newKeySet();

  @EventListener
  void on(ParcelFoundIdle event) {
    if (failFor.contains(event.contract().parcelCode())) {
      throw new IllegalStateException("idle-land case of " + event.contract().parcelCode() + " cannot start");
    }
  }
}
