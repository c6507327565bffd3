package cn.parkflow.land;

import cn.parkflow.casefile.CaseStatusSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The status of a land case for the views of the cases linked to it (the project that asked for the land). */
@Component
public class LandCaseStatus implements CaseStatusSource {
  private final LandCaseRepository cases;

  public LandCaseStatus(LandCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public String processKey() {
    return LandSupplyProcess.KEY;
  }

  @Override
  public Optional<String> statusOf(String caseKey) {
    return cases.findByKey(caseKey).map(c -> c.status().label());
  }
}
