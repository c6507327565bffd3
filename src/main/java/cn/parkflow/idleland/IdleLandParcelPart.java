package cn.parkflow.idleland;

import cn.parkflow.parcel.ParcelViewPart;
import org.springframework.stereotype.Component;

/**
 * The parcel view's part {@code idleLandCase} ({@code GET /api/parcels/{code}}, owned by land-supply, which applies
 * its access rule): the parcel's latest idle-land case in short, and where the whole case is.
 */
@Component("idleLandCase")
public class IdleLandParcelPart implements ParcelViewPart {
  private final IdleLandRepository cases;

  public IdleLandParcelPart(IdleLandRepository cases) {
    this.cases = cases;
  }

  /** The summary: branch, status and the case's address. */
  public record Summary(String parcelCode, String branch, String status, String href) {}

  @Override
  public String field() {
    return "idleLandCase";
  }

  @Override
  public Object valueFor(String parcelCode) {
    return cases.latest(parcelCode).map(c -> new Summary(c.parcelCode(), c.branch(), c.status().label(),
        "/api/idle-land-cases/" + c.parcelCode())).orElse(null);
  }
}
