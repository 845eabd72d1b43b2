/// One judgement about a domain's MTA-STS or TLS-RPT deployment.
///
/// Findings are values: a rule produces them, views and the CLI only render them. The `code` is
/// stable and documented in the README; scripts depend on it.
///
/// Subject, message and evidence may quote what a domain published, so each is capped
/// (``Evidence/lineLimit``, ``Evidence/findingLimit``) however the finding is built or changed:
/// a hostile record cannot make a finding, a report or the screen grow without bound.
public struct Finding: Codable, Sendable, Hashable {
    /// Stable dotted code, e.g. `policy.mx-uncovered`.
    public var code: FindingCode
    public var severity: Severity
    /// What the finding is about: a record, a field, an MX host, a pattern, a URL.
    public var subject: String { didSet { Self.cap(&subject, Evidence.lineLimit) } }
    /// One line, for a person.
    public var message: String { didSet { Self.cap(&message, Evidence.lineLimit) } }
    /// The raw evidence that led to the judgement (a record, a line, a status code, …), cut
    /// to an excerpt when long.
    public var evidence: String { didSet { Self.cap(&evidence, Evidence.findingLimit) } }
    /// What to do about it.
    public var remedy: String { didSet { Self.cap(&remedy, Evidence.findingLimit) } }
    /// Where the rule comes from, e.g. `RFC 8461 §3.2`.
    public var rfc: String

    public init(
        code: FindingCode,
        severity: Severity? = nil,
        subject: String,
        message: String,
        evidence: String = "",
        remedy: String? = nil,
        rfc: String? = nil
    ) {
        let entry = FindingCatalog.entry(for: code)
        self.code = code
        self.severity = severity ?? entry?.severity ?? .error
        self.subject = Evidence.excerpt(subject, limit: Evidence.lineLimit)
        self.message = Evidence.excerpt(message, limit: Evidence.lineLimit)
        self.evidence = Evidence.excerpt(evidence, limit: Evidence.findingLimit)
        self.remedy = Evidence.excerpt(remedy ?? entry?.remedy ?? "", limit: Evidence.findingLimit)
        self.rfc = rfc ?? entry?.rfc ?? ""
    }

    private static func cap(_ text: inout String, _ limit: Int) {
        if text.utf8.count > limit { text = Evidence.excerpt(text, limit: limit) }
    }
}

extension Array where Element == Finding {
    /// The most severe level present, or `nil` when there are no findings.
    public var worstSeverity: Severity? { map(\.severity).max() }

    /// Findings sorted most severe first, stable within a level.
    public var bySeverity: [Finding] {
        enumerated().sorted { a, b in
            a.element.severity != b.element.severity
                ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    public func with(_ code: FindingCode) -> [Finding] { filter { $0.code == code } }
    public func contains(_ code: FindingCode) -> Bool { contains { $0.code == code } }
}
