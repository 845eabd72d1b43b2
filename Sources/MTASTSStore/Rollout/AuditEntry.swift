import Foundation

/// One line of the audit log: who did what to which domain, when, and why.
public struct AuditEntry: Codable, Sendable, Hashable {
    /// What happened. Stable strings: scripts read them from `mtasts history --json`.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// A plan was made or changed through a gate with nothing to acknowledge (detail: from → to, id).
        case plan
        /// The operator said the plan is published.
        case published
        /// A check showed the plan live.
        case verified
        /// A move passed the gate with warnings acknowledged by typing the domain.
        case acknowledge
        /// A move passed the gate despite blockers (detail: the reason and the blockers).
        case override
        /// A move was refused by the gate.
        case refused
        /// The policy file was written into the web root.
        case webrootWrite = "webroot-write"
        /// Stored TLS-RPT reports of the domain were removed (`mtasts reports remove`; detail: the
        /// selection and the reports, with their session counts).
        case reportRemove = "report-remove"
    }

    public var id: Int64
    public var at: Date
    public var domain: String
    public var `operator`: String
    public var action: Action
    public var detail: String

    public init(id: Int64 = 0, at: Date, domain: String, operator: String, action: Action, detail: String = "") {
        self.id = id
        self.at = at
        self.domain = domain
        self.operator = `operator`
        self.action = action
        self.detail = detail
    }
}
