package cn.parkflow.parcel;

/**
 * A land-supply case registered the parcel's title (不动产权证书): the construction watch of the parcel starts.
 * Published inside the engine transaction of the registering step, so the watch starts in the same transaction (a
 * listener that fails rolls the step back; nothing is half done).
 */
public record TitleRegistered(ParcelContract contract) {}
