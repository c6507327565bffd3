/**
 * The parcel (宗地) that three slices share: its code (GB/T 37346-2019), the facts of its sale contract, the state of
 * construction on it, the {@code idle-land-test} table, and the events by which one slice starts the next
 * ({@code land-supply} → {@code construction-watch} → {@code idle-land-recovery} → {@code land-supply}). The slices
 * depend on this package and never on each other; each event is published and handled inside the engine
 * transaction of the step that causes it, so a case and the case it starts commit together.
 */
package cn.parkflow.parcel;
