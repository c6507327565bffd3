package cn.parkflow.casefile;

import java.util.List;

/**
 * Where a slice's cases are read for a list: an enterprise's own, every case, or the cases of the process instances a
 * department may read. Every slice's repository offers these three, so the case list of every API is built the same
 * way ({@code web.CasePages}).
 */
public interface CaseSource<T> {
  List<T> ofEnterprise(String creditCode, int limit, int offset);

  List<T> all(int limit, int offset);

  List<T> ofProcessInstances(List<String> processInstanceIds);
}
