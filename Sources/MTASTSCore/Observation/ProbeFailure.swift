/// Why a network step did not complete, as recorded by a probe.
public struct ProbeFailure: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Where it stopped.
    public enum Stage: String, Codable, Sendable {
        case resolve, connect, banner, ehlo, starttls, handshake, request, response, body, quit
    }
    /// What went wrong.
    public enum Kind: String, Codable, Sendable {
        case timeout, refused, unreachable, reset, closed, tls, protocolViolation = "protocol", tooLarge = "too-large", other
    }

    public var stage: Stage
    public var kind: Kind
    public var message: String

    public init(stage: Stage, kind: Kind, message: String) {
        self.stage = stage
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(stage.rawValue): \(kind.rawValue): \(message)" }
}
