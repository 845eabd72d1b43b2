/// The one thing to do next for a domain, in words, with a kind scripts can match.
public struct RolloutStep: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// No plan: make one (`plan --to testing`).
        case plan
        /// Publish what the plan says.
        case publish
        /// Published; waiting until a check sees it.
        case verify
        /// Live in testing; let reports accumulate.
        case soak
        /// Ready for the next stage through the gate.
        case advance
        /// Waiting for cached policies to expire before removal.
        case wait
        /// Something live is broken; fix it first.
        case fix
        /// An MX change is under way; follow its steps.
        case migrateMX = "migrate-mx"
        /// The plan is live and nothing follows.
        case done
    }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
