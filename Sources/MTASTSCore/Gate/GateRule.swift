/// One rule of a gate, in the shape of swift-certificates' `VerifierPolicy`: it looks at its
/// context and answers pass (no item) or blocker / warning / unknown items, each with its
/// reason and RFC section. Rules do no I/O and never throw.
public protocol GateRule<Context>: Sendable {
    associatedtype Context
    /// A stable name for the audit log and `--json` (`findings`, `certificate-lifetime`, …).
    var name: String { get }
    func items(in context: Context) -> [GateItem]
}

/// Composes gate rules in order, like swift-certificates' `PolicyBuilder`.
@resultBuilder
public enum GateRuleBuilder<Context> {
    public static func buildExpression(_ rule: some GateRule<Context>) -> [any GateRule<Context>] { [rule] }
    public static func buildBlock(_ rules: [any GateRule<Context>]...) -> [any GateRule<Context>] { rules.flatMap { $0 } }
    public static func buildOptional(_ rules: [any GateRule<Context>]?) -> [any GateRule<Context>] { rules ?? [] }
    public static func buildEither(first rules: [any GateRule<Context>]) -> [any GateRule<Context>] { rules }
    public static func buildEither(second rules: [any GateRule<Context>]) -> [any GateRule<Context>] { rules }
}
