package cn.parkflow.web;

import cn.parkflow.casefile.CaseSource;
import cn.parkflow.identity.CaseAccess;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of the cases a caller may read, the same rule for every slice's list: an enterprise its own cases,
 * supervisors and administrators every case, a department the cases whose process instances the engine lets it read.
 */
public final class CasePages {
  /** The largest page a list answers. */
  public static final int MAX_LIMIT = 200;

  private CasePages() {}

  /**
   * @throws InvalidInputException naming {@code limit} or {@code offset} when they are not a page
   */
  public static <T> List<T> read(ApiCaller caller, String limitText, String offsetText, CaseAccess access,
      String processKey, CaseSource<T> source) {
    FieldErrors errors = new FieldErrors();
    Paging page = Paging.read(limitText, offsetText, MAX_LIMIT, errors);
    errors.throwIfAny();
    if (caller.enterprise()) {
      return source.ofEnterprise(caller.creditCode(), page.limit(), page.offset());
    }
    if (CaseAccess.seesEveryCase(caller.groups())) {
      return source.all(page.limit(), page.offset());
    }
    return source.ofProcessInstances(access.readableInstances(caller.userId(), caller.groups(), processKey,
        page.limit(), page.offset()));
  }

  /**
   * One case the caller may read by the same rule ({@link CaseAccess#mayRead}); a case it may not read answers the
   * same 404 as a missing one, so another enterprise's case is not even confirmed.
   *
   * @param found the case looked up (empty also when the number is malformed)
   * @param creditCode the enterprise the case belongs to
   * @param processInstanceId the case's process instance, {@code null} before it is linked
   * @throws NotFoundException with {@code notFound}
   */
  public static <T> T visible(Optional<T> found, ApiCaller caller, CaseAccess access,
      Function<T, String> creditCode, Function<T, String> processInstanceId, String notFound) {
    T c = found.orElse(null);
    if (c == null || !access.mayRead(caller.userId(), caller.groups(), caller.creditCode(), creditCode.apply(c),
        processInstanceId.apply(c))) {
      throw new NotFoundException(notFound);
    }
    return c;
  }
}
