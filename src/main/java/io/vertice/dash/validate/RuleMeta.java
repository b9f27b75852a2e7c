package io.vertice.dash.validate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A rule's metadata as a value, read once from its {@link RuleInfo} annotation (or built directly, for the
 * {@code --live} findings that have no class of their own).
 *
 * @param scope {@code query}, {@code dashboard} or {@code live}: what the rule looks at
 */
public record RuleMeta(
        String id,
        Severity severity,
        String summary,
        String why,
        String scope,
        List<RuleExample> failing,
        List<RuleExample> passing) {

    public RuleMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        failing = List.copyOf(failing);
        passing = List.copyOf(passing);
    }

    private static final ClassValue<RuleMeta> BY_CLASS = new ClassValue<>() {
        @Override
        protected RuleMeta computeValue(Class<?> type) {
            RuleInfo info = type.getAnnotation(RuleInfo.class);
            if (info == null) {
                throw new IllegalStateException(type.getName() + " implements Rule but carries no @RuleInfo");
            }
            String scope = QueryRule.class.isAssignableFrom(type) ? "query" : "dashboard";
            return new RuleMeta(
                    info.id(),
                    info.severity(),
                    info.summary(),
                    info.why(),
                    scope,
                    Arrays.stream(info.failing()).map(RuleExample::of).toList(),
                    Arrays.stream(info.passing()).map(RuleExample::of).toList());
        }
    };

    /** The metadata of a rule class, from its annotation (cached per class). */
    public static RuleMeta of(Class<?> ruleClass) {
        return BY_CLASS.get(ruleClass);
    }
}
