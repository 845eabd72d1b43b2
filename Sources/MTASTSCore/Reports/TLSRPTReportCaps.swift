/// What one report may cost, whatever its size: RFC 8460 §4.4 sets no bound on `policies`,
/// `failure-details` or the result types a sender invents, and a small gzip file can hold
/// hundreds of thousands of them. The reader keeps the first ``TLSRPTReportParser/Limits``
/// worth of each and says what it left out, so the rows, findings and memory one report adds
/// are bounded by the caps, not by the input. The summary counts of the policies that are read
/// stay exact: only the itemised details are capped.
struct TLSRPTReportCaps {
    let limits: TLSRPTReportParser.Limits
    /// Failure details kept so far (over every policy).
    private(set) var detailsKept = 0
    /// Failure details not read because ``TLSRPTReportParser/Limits/maxFailureDetails`` was reached.
    private(set) var detailsOverCap = 0
    /// Distinct result types kept.
    private(set) var resultTypes: Set<String> = []
    /// Failure details not read because their result type would pass
    /// ``TLSRPTReportParser/Limits/maxResultTypes``.
    private(set) var detailsOverTypeCap = 0
    /// A few of the result types left out, for the finding's evidence.
    private(set) var typesLeftOut: [String] = []

    init(limits: TLSRPTReportParser.Limits) { self.limits = limits }

    /// True while another failure detail may be read.
    var acceptsDetail: Bool { detailsKept < limits.maxFailureDetails }

    /// Counts `count` details left unread because the detail cap is reached.
    mutating func skipDetails(_ count: Int) { detailsOverCap += count }

    /// True when a detail of `type` may be kept (its type is known to the report already, or
    /// there is room for one more); counts the detail kept or left out.
    mutating func admit(resultType type: String) -> Bool {
        if resultTypes.contains(type) || resultTypes.count < limits.maxResultTypes {
            resultTypes.insert(type)
            detailsKept += 1
            return true
        }
        detailsOverTypeCap += 1
        if typesLeftOut.count < 3, !typesLeftOut.contains(type) { typesLeftOut.append(type) }
        return false
    }

    /// The findings for what was left out; `policies` is the number of entries of `policies`
    /// as written, at `path`.
    func findings(policies: Int, at path: JSONPath) -> [Finding] {
        var out: [Finding] = []
        if policies > limits.maxPolicies {
            out.append(Finding(
                code: .reportPoliciesCapped, subject: path.description,
                message: "the report lists \(policies) policies; the first \(limits.maxPolicies) are read, "
                    + "the other \(policies - limits.maxPolicies) are left out of the totals (the raw report is kept)",
                evidence: "policies: \(policies) entries"))
        }
        if detailsOverCap > 0 {
            out.append(Finding(
                code: .reportFailureDetailsCapped, subject: path.description,
                message: "the report has more than \(limits.maxFailureDetails) failure details; \(detailsOverCap) more were not read "
                    + "(their sessions still count in each policy's total-failure-session-count; the raw report is kept)",
                evidence: "failure-details read: \(detailsKept), left out: \(detailsOverCap)"))
        }
        if detailsOverTypeCap > 0 {
            out.append(Finding(
                code: .reportResultTypesCapped, subject: path.description,
                message: "the report uses more than \(limits.maxResultTypes) distinct result types; \(detailsOverTypeCap) failure details "
                    + "of further types were not read (their sessions still count in the summaries; the raw report is kept)",
                evidence: "left out, e.g.: " + typesLeftOut.map(\.debugDescription).joined(separator: ", ")))
        }
        return out
    }

    /// `findings` with at most ``TLSRPTReportParser/Limits/maxFindingsPerCode`` of each code
    /// (the first ones, in order), and one `report.findings-capped` per code that had more.
    func compact(_ findings: [Finding]) -> [Finding] {
        var seen: [FindingCode: Int] = [:]
        var order: [FindingCode] = []
        var kept: [Finding] = []
        for finding in findings {
            let count = seen[finding.code, default: 0]
            if count == 0 { order.append(finding.code) }
            seen[finding.code] = count + 1
            if count < limits.maxFindingsPerCode { kept.append(finding) }
        }
        for code in order {
            let count = seen[code]!
            guard count > limits.maxFindingsPerCode else { continue }
            kept.append(Finding(
                code: .reportFindingsCapped, subject: code.rawValue,
                message: "\(count - limits.maxFindingsPerCode) more `\(code.rawValue)` findings in this report are not listed",
                evidence: "\(count) in all; the first \(limits.maxFindingsPerCode) are listed"))
        }
        return kept
    }
}
