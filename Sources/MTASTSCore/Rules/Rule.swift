/// One evaluation rule: looks at the context, returns findings. Rules do no I/O and never throw;
/// each cites the RFC section it implements.
public protocol Rule: Sendable {
    func findings(in context: EvaluationContext) -> [Finding]
}

/// Composes rules in order, like swift-certificates' `PolicyBuilder`.
@resultBuilder
public enum RuleBuilder {
    public static func buildExpression(_ rule: some Rule) -> [any Rule] { [rule] }
    public static func buildBlock(_ rules: [any Rule]...) -> [any Rule] { rules.flatMap { $0 } }
    public static func buildOptional(_ rules: [any Rule]?) -> [any Rule] { rules ?? [] }
    public static func buildEither(first rules: [any Rule]) -> [any Rule] { rules }
    public static func buildEither(second rules: [any Rule]) -> [any Rule] { rules }
}
