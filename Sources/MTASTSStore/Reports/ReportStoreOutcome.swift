import MTASTSCore

/// What storing one report did.
public enum ReportStoreOutcome: Sendable, Hashable {
    /// Stored as a new row (its id in `tlsrpt_reports`).
    case stored(Int64)
    /// A report with the same organization and report-id is already in the workspace (RFC 8460
    /// §4.4: the report-id is unique per sender); nothing was written.
    case duplicate
    /// Writing failed; nothing of this report was written (its savepoint was rolled back).
    case failed(String)

    public var isStored: Bool {
        if case .stored = self { return true }
        return false
    }
}
