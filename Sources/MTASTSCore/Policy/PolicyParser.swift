/// Parses an MTA-STS policy body the way a strict sender does, and reports everything a
/// lenient one would silently skip (RFC 8461 §3.2).
///
/// ```
/// sts-policy-record      = sts-policy-field *WSP
///                          *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
/// sts-policy-term        = LF / CRLF
/// sts-policy-field-delim = ":" *WSP
/// sts-policy-ext-value   = sts-policy-vchar [*(%x20 / sts-policy-vchar) sts-policy-vchar]
/// ```
public enum PolicyParser {
    /// The largest body senders read (RFC 8461 §3.3: "senders SHOULD impose a limit on the
    /// maximum size of the response body (64 KiB is suggested)").
    public static let maxBodySize = 64 * 1024

    static let knownFields = ["version", "mode", "max_age", "mx"]

    /// Parses `body`. The policy is returned when `version`, `mode`, `max_age` (and `mx` unless
    /// the mode is `none`) could be read, even if other lines are wrong: `ParseResult.isValid`
    /// says whether senders accept it.
    public static func parse(_ body: [UInt8], subject: String = "policy") -> ParseResult<STSPolicy> {
        var findings: [Finding] = []
        var body = body
        if body.count > maxBodySize {
            findings.append(Finding(
                code: .policyTooLarge, subject: subject,
                message: "the body is \(body.count) bytes; senders read at most \(maxBodySize)",
                evidence: "\(body.count) bytes"))
            body = Array(body.prefix(maxBodySize))
        }
        if body.isEmpty {
            findings.append(Finding(code: .policySyntax, subject: subject, message: "the policy body is empty"))
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            findings.append(Finding(
                code: .policySyntax, subject: "line 1",
                message: "the file starts with a UTF-8 byte-order mark; senders read the first field name as `<BOM>version` and miss it",
                evidence: "EF BB BF at offset 0",
                remedy: "Save the file as UTF-8 without BOM."))
            body.removeFirst(3)
        }
        var state = State(subject: subject)
        let lines = PolicyLine.split(body)
        var terminators: Set<PolicyLine.Terminator> = []
        for line in lines {
            if line.terminator != .none { terminators.insert(line.terminator) }
            state.read(line)
        }
        findings += state.findings
        if terminators.count > 1 {
            findings.append(Finding(
                code: .policyLineEndings, subject: subject,
                message: "the file mixes LF and CRLF line endings; both are valid, but mixing suggests hand edits",
                evidence: lines.prefix(12).map { "\($0.number):\($0.terminator == .crlf ? "CRLF" : $0.terminator == .lf ? "LF" : "none")" }
                    .joined(separator: " ")))
        }
        // A flood of one kind (30,000 blank lines) is folded after the first few; the repeated
        // fields come after, one finding per name, those senders act on first.
        findings = RepeatedFindings.fold(findings) + RepeatedFindings.fold(state.repeatFindings())
        findings += state.missingFieldFindings()
        return ParseResult(value: state.policy(), findings: findings)
    }

    /// Convenience for text.
    public static func parse(_ text: String, subject: String = "policy") -> ParseResult<STSPolicy> {
        parse(Array(text.utf8), subject: subject)
    }

    /// The parser's running state: fields seen so far and findings.
    struct State {
        let subject: String
        var findings: [Finding] = []
        var version: (value: String, line: Int)?
        var mode: (value: STSMode, line: Int)?
        var maxAge: (value: Int, line: Int)?
        /// Fields that appeared with an unusable value, so "missing" is not reported twice.
        var unusable: Set<String> = []
        var mx: [String] = []
        var extensions: [NameValue] = []
        var firstValues: [String: String] = [:]
        /// `mx` patterns kept so far, normalised, to spot repeats in constant time.
        var mxSeen: [String: String] = [:]
        /// Single-valued fields given again, one group per name (reported once, with a count).
        var repeats = RepeatedFields()

        init(subject: String) { self.subject = subject }

        mutating func add(_ code: FindingCode, _ severity: Severity? = nil, line: Int, _ message: String,
                          evidence: String, remedy: String? = nil) {
            findings.append(Finding(
                code: code, severity: severity, subject: "line \(line)", message: message,
                evidence: evidence, remedy: remedy))
        }

        mutating func read(_ line: PolicyLine) {
            guard let text = String(validating: line.bytes, as: UTF8.self) else {
                add(.policySyntax, line: line.number, "the line is not valid UTF-8",
                    evidence: visible(String(decoding: line.bytes, as: UTF8.self)))
                return
            }
            if text.unicodeScalars.allSatisfy({ $0.isWSP }) {
                add(.policySyntax, line: line.number,
                    "blank line; the grammar has none: mox rejects the whole policy, other senders skip the line",
                    evidence: visible(text), remedy: "Remove blank lines.")
                return
            }
            if text.unicodeScalars.contains("\r") {
                add(.policyLineEndings, .error, line: line.number,
                    "bare CR inside the line; only LF and CRLF end a line, so senders read the CR as part of a value",
                    evidence: visible(text), remedy: "Use LF or CRLF line endings.")
            }
            var content = Substring(text)
            if let first = content.unicodeScalars.first, first.isWSP {
                add(.policySyntax, line: line.number,
                    "the line starts with white space; the grammar does not allow it and senders disagree on it",
                    evidence: visible(text), remedy: "Remove the leading spaces.")
                content = content.drop { $0 == " " || $0 == "\t" }
            }
            guard let colon = content.firstIndex(of: ":") else {
                let hint = PolicyParser.knownFields.first { content.hasPrefix($0) }
                add(.policySyntax, line: line.number,
                    "not a `key: value` line" + (hint.map { " (missing `:` after `\($0)`?)" } ?? ""),
                    evidence: visible(text))
                return
            }
            let name = String(content[content.startIndex..<colon])
            var value = Substring(content[content.index(after: colon)...])
            value = value.drop { $0 == " " || $0 == "\t" }
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            let valueText = String(value)

            guard TagValueRecord.isValidExtensionName(name) else {
                let trimmed = name.trimmingWhitespace
                let known = PolicyParser.knownFields.contains(trimmed)
                add(.policySyntax, line: line.number,
                    "`\(visible(name))` is not a valid field name"
                        + (known ? " (no space is allowed before `:`)" : ""),
                    evidence: visible(text),
                    remedy: known ? "Write `\(trimmed): \(valueText)`." : nil)
                if known { unusable.insert(trimmed) }
                return
            }
            if let problem = valueProblem(valueText) {
                add(PolicyParser.knownFields.contains(name) ? fieldCode(name) : .policySyntax, line: line.number,
                    "the value of `\(name)` \(problem)", evidence: visible(text))
                unusable.insert(name)
                return
            }
            if name != "mx", let first = firstValues[name] {
                repeats.add(name, differs: first != valueText, at: line.number, written: text)
                return
            }
            firstValues[name] = valueText
            switch name {
            case "version": readVersion(valueText, line: line.number, evidence: text)
            case "mode": readMode(valueText, line: line.number, evidence: text)
            case "max_age": readMaxAge(valueText, line: line.number, evidence: text)
            case "mx": readMX(valueText, line: line.number, evidence: text)
            default: readExtension(name: name, value: valueText, line: line.number, evidence: text)
            }
        }

        func fieldCode(_ name: String) -> FindingCode {
            switch name {
            case "version": .policyVersion
            case "mode": .policyMode
            case "max_age": .policyMaxAge
            default: .policyMxInvalid
            }
        }

        /// `sts-policy-ext-value`: no control characters, no leading or trailing space, not empty.
        func valueProblem(_ value: String) -> String? {
            if value.isEmpty { return "is empty" }
            if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return "contains control characters"
            }
            if value.unicodeScalars.contains("\u{FFFD}") { return "contains invalid characters" }
            return nil
        }

        /// `sts-policy-version-value = %s"STSv1"`.
        mutating func readVersion(_ value: String, line: Int, evidence: String) {
            guard value == "STSv1" else {
                add(.policyVersion, line: line,
                    "`version` is `\(value)`; only `STSv1` (case-sensitive) exists", evidence: visible(evidence),
                    remedy: "Write `version: STSv1`.")
                unusable.insert("version")
                return
            }
            version = (value, line)
        }

        /// `sts-policy-mode-value = %s"testing" / %s"enforce" / %s"none"`.
        mutating func readMode(_ value: String, line: Int, evidence: String) {
            guard let mode = STSMode(rawValue: value) else {
                let folded = STSMode(rawValue: value.lowercased())
                add(.policyMode, line: line,
                    folded != nil
                        ? "`mode: \(value)` is not recognised: mode values are case-sensitive"
                        : "`mode: \(value)` is not one of `enforce`, `testing`, `none`",
                    evidence: visible(evidence),
                    remedy: folded.map { "Write `mode: \($0.rawValue)`." })
                unusable.insert("mode")
                return
            }
            self.mode = (mode, line)
        }

        /// `sts-policy-max-age-value = 1*10(DIGIT)`, "maximum value of 31557600".
        mutating func readMaxAge(_ value: String, line: Int, evidence: String) {
            let digitsOnly = value.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
            guard digitsOnly else {
                add(.policyMaxAge, line: line,
                    "`max_age: \(value)` is not a plain number of seconds", evidence: visible(evidence),
                    remedy: "Write the number of seconds, digits only, e.g. `max_age: 604800`.")
                unusable.insert("max_age")
                return
            }
            guard value.count <= 10 else {
                add(.policyMaxAge, line: line,
                    "`max_age` has \(value.count) digits; the grammar allows at most 10", evidence: visible(evidence),
                    remedy: "Use at most \(STSPolicy.maxAgeLimit).")
                unusable.insert("max_age")
                return
            }
            let seconds = Int(value)!
            guard seconds <= STSPolicy.maxAgeLimit else {
                add(.policyMaxAge, line: line,
                    "`max_age: \(value)` is above the maximum of \(STSPolicy.maxAgeLimit) (one year)",
                    evidence: visible(evidence), remedy: "Use at most \(STSPolicy.maxAgeLimit).")
                unusable.insert("max_age")
                return
            }
            maxAge = (seconds, line)
        }

        mutating func readMX(_ value: String, line: Int, evidence: String) {
            let problems = MXPattern.problems(value)
            for problem in problems {
                add(.policyMxInvalid, problem.severity, line: line, problem.message,
                    evidence: visible(evidence), remedy: problem.remedy)
            }
            let normalized = MXMatcher.normalize(value)
            if let duplicate = mxSeen[normalized] {
                add(.policyDuplicateField, .info, line: line,
                    "`mx: \(value)` repeats `\(duplicate)`", evidence: visible(evidence), remedy: "Remove the repeat.")
                return
            }
            if !problems.contains(where: { $0.severity == .error }) {
                mx.append(value)
                mxSeen[normalized] = value
            } else {
                unusable.insert("mx")
            }
        }

        mutating func readExtension(name: String, value: String, line: Int, evidence: String) {
            extensions.append(NameValue(name: name, value: value))
            if let intended = FieldNameSimilarity.likelyIntended(name, among: knownFields) {
                let consequence = switch intended {
                case "mx": "this MX pattern is silently dropped by senders"
                case "mode": "senders do not see a mode"
                case "max_age": "senders do not see a max_age"
                default: "senders do not see a version"
                }
                add(.policyUnknownField, .warning, line: line,
                    "`\(name)` looks like a misspelt `\(intended)`: \(consequence)",
                    evidence: visible(evidence), remedy: "Write `\(intended): \(value)`.")
            } else {
                add(.policyUnknownField, line: line,
                    "unknown field `\(name)` is ignored by senders", evidence: visible(evidence))
            }
        }

        var knownFields: [String] { PolicyParser.knownFields }

        /// One finding per single-valued field given more than once: its count and where
        /// (RFC 8461 §3.2: "all entries except for the first SHALL be ignored").
        func repeatFindings() -> [Finding] {
            repeats.groups(first: Set(PolicyParser.knownFields)).map { group in
                let first = firstValues[group.name] ?? ""
                let known = PolicyParser.knownFields.contains(group.name)
                let more = group.count - 1 - group.positions.count
                let places = "line" + (group.positions.count == 1 ? " " : "s ")
                    + group.positions.map(String.init).joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
                return Finding(
                    code: .policyDuplicateField, severity: group.differs && known ? .error : .warning,
                    subject: "line \(group.positions.first ?? 0)",
                    message: "`\(group.name)` appears \(group.count) times (again on \(places)); senders use the first value (\(visible(first, limit: 64)))"
                        + (group.differs ? " but some read the last: they disagree" : ""),
                    evidence: visible(group.firstRepeat), remedy: "Keep a single `\(group.name):` line.")
            }
        }

        func missingFieldFindings() -> [Finding] {
            var out: [Finding] = []
            func missing(_ code: FindingCode, _ field: String, _ remedy: String) {
                guard !unusable.contains(field) else { return }
                out.append(Finding(code: code, subject: subject, message: "required field `\(field)` is missing",
                                   remedy: remedy))
            }
            if version == nil { missing(.policyVersion, "version", "Add `version: STSv1` as the first line.") }
            if mode == nil { missing(.policyMode, "mode", "Add `mode: testing` (or `enforce`, `none`).") }
            if maxAge == nil { missing(.policyMaxAge, "max_age", "Add `max_age: 86400` (one day) or longer.") }
            if mx.isEmpty && mode.map({ $0.value != .none }) ?? true && !unusable.contains("mx") {
                out.append(Finding(
                    code: .policyMxMissing, subject: subject,
                    message: mode == nil ? "no `mx` pattern" : "no `mx` pattern although `mode: \(mode!.value.rawValue)` needs one",
                    remedy: "Add one `mx:` line per MX host."))
            }
            if let mode, let maxAge, mode.value == .enforce, maxAge.value < 604_800 {
                out.append(Finding(
                    code: .policyMaxAgeShort, subject: "line \(maxAge.line)",
                    message: "`max_age: \(maxAge.value)` is under a week for `mode: enforce`",
                    evidence: "max_age: \(maxAge.value)"))
            }
            return out
        }

        func policy() -> STSPolicy? {
            guard let version, let mode, let maxAge else { return nil }
            if mode.value != .none && mx.isEmpty { return nil }
            return STSPolicy(version: version.value, mode: mode.value, maxAge: maxAge.value, mx: mx, extensions: extensions)
        }
    }
}
