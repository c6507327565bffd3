package cn.parkflow.parcel;

/**
 * A part of the parcel's case view ({@code GET /api/parcels/{parcelCode}}) that another slice supplies: the
 * construction watch its {@code milestones} and reports, idle-land recovery its case. The land-supply slice owns the
 * view and its access rule; it adds every part's field for a caller who may see the parcel.
 */
public interface ParcelViewPart {
  /** The JSON field the part fills. */
  String field();

  /** The part's value for the parcel, or null when it has none (the field is then left out). */
  Object valueFor(String parcelCode);
}
