import Foundation

/// Typed member access on a report's JSON, the lenient way RFC 8460 reports need: the RFC's
/// other spelling of a name, `null` for an optional member, a duplicate name are read and
/// recorded as findings; a wrong type or a missing required member is a
/// ``TLSRPTReportError`` naming the member's path.
struct TLSRPTReportReader {
    /// How much a member matters (RFC 8460 §4.4).
    enum Presence {
        /// The report is useless without it: missing or null is an error.
        case required
        /// The RFC requires it but a report is usable without it: missing is a warning.
        case expected
        /// May be absent; `null` is noted.
        case optional
        /// May be absent or `null`; the caller decides what that means and records it.
        case silent
    }

    /// One JSON object of the report and where it is.
    struct Object {
        var members: [JSONMember]
        var path: JSONPath
        /// Members read under the name they were probably meant to have, by that name: the
        /// name as written (`receiving-mx-hostname` → `receiving-mx-host-name`), for paths.
        var written: [String: String] = [:]

        /// The path of member `name`, as the sender spelled it.
        func path(of name: String) -> JSONPath { path.member(written[name] ?? name) }
    }

    var findings: [Finding] = []
    /// What the report may cost, and what was left out (``TLSRPTReportCaps``).
    var caps: TLSRPTReportCaps

    init(limits: TLSRPTReportParser.Limits = TLSRPTReportParser.Limits()) {
        caps = TLSRPTReportCaps(limits: limits)
    }

    /// The object at `path`. With `known` (the member names RFC 8460 §4.4 gives this object), a
    /// member whose name is a near miss of one of them (``TLSRPTMemberNames/intended(_:among:)``)
    /// is read as that member when the sender did not also write it, and ignored when it did;
    /// both with `report.misspelled-member`.
    mutating func object(_ value: JSONValue, at path: JSONPath, known: [String] = []) throws(TLSRPTReportError) -> Object {
        guard case .object(let members) = value else {
            throw TLSRPTReportError(.wrongType, at: path, "expected an object, found \(value.typeName)")
        }
        var object = Object(members: members, path: path)
        guard !known.isEmpty else { return object }
        for index in object.members.indices {
            let name = object.members[index].name
            guard let intended = TLSRPTMemberNames.intended(name, among: known) else { continue }
            let value = object.members[index].value
            if object.members.contains(where: { $0.name == intended }) {
                note(.reportMisspelledMember, path.member(name),
                     "`\(name)` is not a member of RFC 8460 §4.4 but looks like `\(intended)`, which is also present; ignored", value)
            } else {
                note(.reportMisspelledMember, path.member(name),
                     "`\(name)` is not a member of RFC 8460 §4.4; read as `\(intended)`, the member it looks like", value)
                object.members[index].name = intended
                object.written[intended] = name
            }
        }
        return object
    }

    /// The member `name` (or the RFC's `alternate` spelling), `nil` when absent or `null`.
    mutating func member(
        _ object: Object, _ name: String, alternate: String? = nil, _ presence: Presence
    ) throws(TLSRPTReportError) -> (value: JSONValue, path: JSONPath)? {
        var usedName = name
        var matches = object.members.filter { $0.name == name }
        if let alternate {
            let others = object.members.filter { $0.name == alternate }
            if matches.isEmpty, !others.isEmpty {
                usedName = alternate
                matches = others
                note(.reportAlternateMemberName, object.path(of: alternate),
                     "`\(alternate)` is the RFC's other spelling of `\(name)`; read as `\(name)`", others[0].value)
            } else if !matches.isEmpty, !others.isEmpty {
                note(.reportAlternateMemberName, object.path(of: alternate),
                     "both `\(name)` and `\(alternate)` are present; `\(name)` is used", others[0].value)
            }
        }
        let path = object.path(of: usedName)
        if matches.count > 1 {
            note(.reportDuplicateMember, path,
                 "`\(usedName)` appears \(matches.count) times in one object; the last one is used (RFC 8259 §4)",
                 matches.last!.value)
        }
        let value = matches.last?.value
        switch value {
        case nil, .null?:
            switch presence {
            case .required:
                throw TLSRPTReportError(.missingMember, at: path, value == nil
                    ? "the member `\(usedName)` is missing; RFC 8460 §4.4 requires it"
                    : "`\(usedName)` is null; RFC 8460 §4.4 requires a value")
            case .expected:
                note(.reportMissingMember, path, value == nil
                    ? "`\(usedName)` is missing; RFC 8460 §4.4 requires it, the report is read without it"
                    : "`\(usedName)` is null; RFC 8460 §4.4 requires a value, the report is read without it", value)
            case .optional:
                if value != nil { note(.reportNullMember, path, "`\(usedName)` is null; read as absent", .null) }
            case .silent:
                break
            }
            return nil
        case let value?:
            return (value, path)
        }
    }

    mutating func string(
        _ object: Object, _ name: String, alternate: String? = nil, _ presence: Presence
    ) throws(TLSRPTReportError) -> String? {
        guard let (value, path) = try member(object, name, alternate: alternate, presence) else { return nil }
        guard case .string(let text) = value else {
            throw TLSRPTReportError(.wrongType, at: path, "expected a string, found \(value.typeName) \(value.preview)")
        }
        return text
    }

    /// A required string with something other than white space in it.
    mutating func nonEmptyString(_ object: Object, _ name: String) throws(TLSRPTReportError) -> String {
        let text = try string(object, name, .required)!
        guard !text.allSatisfy(\.isWhitespace) else {
            throw TLSRPTReportError(.invalidValue, at: object.path(of: name), "`\(name)` is empty")
        }
        return text
    }

    /// A session count: a JSON number that is a non-negative integer, at most
    /// ``TLSRPTReportParser/Limits/maxSessionCount`` (RFC 8460 §4.4).
    mutating func count(_ object: Object, _ name: String) throws(TLSRPTReportError) -> Int {
        let (value, path) = try member(object, name, .required)!
        return try count(value, at: path)
    }

    /// A session count the caller may do without: `nil` when absent or `null` (nothing noted).
    mutating func countIfPresent(_ object: Object, _ name: String) throws(TLSRPTReportError) -> Int? {
        guard let (value, path) = try member(object, name, .silent) else { return nil }
        return try count(value, at: path)
    }

    func count(_ value: JSONValue, at path: JSONPath) throws(TLSRPTReportError) -> Int {
        guard case .number(let text) = value else {
            throw TLSRPTReportError(.wrongType, at: path, "expected a non-negative integer, found \(value.typeName) \(value.preview)")
        }
        if text.hasPrefix("-") {
            throw TLSRPTReportError(.invalidValue, at: path, "a session count cannot be negative (\(text))")
        }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw TLSRPTReportError(.invalidValue, at: path, "a session count must be a whole number, found \(text)")
        }
        let limit = caps.limits.maxSessionCount
        guard let number = Int(text), number <= limit else {
            throw TLSRPTReportError(.invalidValue, at: path,
                "the session count \(text) is above \(limit) (2^40), more than any sender has in one report; "
                + "refused so that sums over the stored reports cannot overflow")
        }
        return number
    }

    mutating func date(_ object: Object, _ name: String) throws(TLSRPTReportError) -> Date {
        let text = try string(object, name, .required)!
        let path = object.path(of: name)
        guard let parsed = RFC3339Date.parse(text) else {
            throw TLSRPTReportError(.invalidValue, at: path,
                "\(text.debugDescription) is not an RFC 3339 date-time (e.g. 2025-06-14T00:00:00Z)")
        }
        if !parsed.hasZone {
            note(.reportDateWithoutZone, path, "\(text.debugDescription) has no time zone; read as UTC", .string(text))
        }
        return parsed.date
    }

    mutating func array(
        _ object: Object, _ name: String, alternate: String? = nil, _ presence: Presence
    ) throws(TLSRPTReportError) -> (items: [JSONValue], path: JSONPath)? {
        guard let (value, path) = try member(object, name, alternate: alternate, presence) else { return nil }
        guard case .array(let items) = value else {
            throw TLSRPTReportError(.wrongType, at: path, "expected an array, found \(value.typeName) \(value.preview)")
        }
        return (items, path)
    }

    /// An array of strings (`policy-string`).
    func strings(_ value: JSONValue, at path: JSONPath) throws(TLSRPTReportError) -> [String] {
        guard case .array(let items) = value else {
            throw TLSRPTReportError(.wrongType, at: path, "expected an array, found \(value.typeName) \(value.preview)")
        }
        var out: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw TLSRPTReportError(.wrongType, at: path.item(index), "expected a string, found \(item.typeName) \(item.preview)")
            }
            out.append(text)
        }
        return out
    }

    mutating func note(_ code: FindingCode, _ path: JSONPath, _ message: String, _ value: JSONValue?) {
        findings.append(Finding(code: code, subject: path.description, message: message, evidence: value?.preview ?? ""))
    }
}
