package cn.parkflow.approval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The only negative outcome of a filing (备案), Order 673 Art. 15: the filing office finds that the filed project is
 * prohibited by industrial policy or in fact needs 核准; it tells the enterprise to correct it or to apply for 核准
 * and notifies the departments concerned. A filing is never refused (Art. 13).
 */
public final class FilingCorrection {
  /** The review key of the filing the correction concerns (a row of {@code project-review-routing.dmn}). */
  static final String DRC_FILING = "drc-filing";
  /** The case record's step of an Art. 15 finding (no model element: it may come after the process has ended). */
  public static final String STEP = "filing-correction";

  private FilingCorrection() {}

  /** The grounds of Art. 15, stored as their value ({@code prohibited}, {@code needs-approval}). */
  public enum Ground {
    PROHIBITED("属于产业政策禁止投资建设的项目", "请立即停止建设并予以纠正"),
    NEEDS_APPROVAL("依法应当实行核准管理的项目", "请依法向有权机关申请核准，未经核准不得开工建设");

    private final String label;
    private final String demand;

    Ground(String label, String demand) {
      this.label = label;
      this.demand = demand;
    }

    public String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
      return label;
    }

    /** What the enterprise must do. */
    public String demand() {
      return demand;
    }

    public static Optional<Ground> of(String value) {
      return Arrays.stream(values()).filter(g -> g.value().equals(value)).findFirst();
    }
  }
}
