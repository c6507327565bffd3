package cn.parkflow.casefile;

import java.time.Instant;

/**
 * One case's link to another, seen from the case it is read for: the other case's process and business key, and the
 * relation in the direction written ({@code outgoing}: this case started or named the other one).
 *
 * @param relation a stable key such as {@code land-supply} or {@code resupply}; its Chinese label is the view's
 */
public record CaseLink(String process, String key, String relation, boolean outgoing, Instant createdAt) {}
