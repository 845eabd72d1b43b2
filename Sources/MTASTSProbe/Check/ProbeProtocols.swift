import MTASTSCore

/// Talks SMTP to one address of an MX host and records the conversation (`SMTPProber`).
public protocol MXProbing: Sendable {
    func probe(host: String, address: String, port: Int) async -> SMTPProbe
}

/// Fetches a domain's policy from one address of its policy host (`PolicyFetcher`).
public protocol PolicyFetching: Sendable {
    func fetch(domain: String, address: String) async -> PolicyFetch
}
