import Foundation

/// What the public listener answers to one request, decided without I/O so every rule of
/// RFC 8461 §3.3 is unit-tested: the policy is served at exactly
/// `/.well-known/mta-sts.txt`, `200 OK` with media type `text/plain`, never a redirect
/// ("senders MUST NOT follow HTTP redirects", so none is ever sent), and nothing else of the
/// workspace is readable from this listener.
public struct PolicyResponse: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case policy, notFound = "not-found", methodNotAllowed = "method-not-allowed", badRequest = "bad-request"
    }
    public var kind: Kind
    public var status: Int
    public var contentType: String
    public var body: String
    /// `HEAD`: the same headers, no body (RFC 9110 §9.3.2).
    public var omitsBody: Bool
    public var allow: String?

    /// The well-known path (RFC 8461 §3.3).
    public static let path = "/.well-known/mta-sts.txt"
    /// RFC 8461 §3.3: "the media type ... MUST be "text/plain"". No parameters: one widely
    /// used sender (postfix-mta-sts-resolver) compares the type before the `;`, others the
    /// whole value.
    public static let policyContentType = "text/plain"

    /// The answer to `method` `target` (the request-target, with any query) for `host`.
    public static func decide(method: String, target: String, host: String?, table: PolicyHostTable) -> PolicyResponse {
        guard let host, !host.isEmpty else {
            return PolicyResponse(kind: .badRequest, status: 400, body: "a Host header is required\n")
        }
        guard target == path else {
            return PolicyResponse(kind: .notFound, status: 404, body: "not found\n")
        }
        guard let policy = table.policy(forHost: host) else {
            return PolicyResponse(kind: .notFound, status: 404, body: "no policy is hosted for this name\n")
        }
        switch method {
        case "GET", "HEAD":
            return PolicyResponse(
                kind: .policy, status: 200, contentType: policyContentType, body: policy.body, omitsBody: method == "HEAD")
        default:
            return PolicyResponse(kind: .methodNotAllowed, status: 405, body: "only GET and HEAD\n", allow: "GET, HEAD")
        }
    }

    init(kind: Kind, status: Int, contentType: String = "text/plain; charset=utf-8", body: String, omitsBody: Bool = false, allow: String? = nil) {
        self.kind = kind
        self.status = status
        self.contentType = contentType
        self.body = body
        self.omitsBody = omitsBody
        self.allow = allow
    }
}
