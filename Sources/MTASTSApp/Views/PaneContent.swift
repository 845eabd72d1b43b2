import Foundation
import MTASTSCore
import TerminalUI

/// The lines of one detail pane: the evidence of the observation, then the pane's findings
/// with message, evidence and fix. Formatting only; the verdicts come from the report.
///
/// Text from the domain (a TXT record, a policy line, a header) may be 64 KB long: no more
/// than ``shownBytes`` of one value is laid out, wrapped, with `… N more bytes`, so a frame
/// costs the same whatever the domain published.
enum PaneContent {
    /// The most of one value a pane lays out.
    static let shownBytes = 1024

    static func lines(_ report: DomainReport, pane: Pane, width: Int, theme: Theme) -> [StyledLine] {
        var out: [StyledLine] = []
        switch pane {
        case .dns: out = dns(report, width: width, theme)
        case .policy: out = policy(report, width: width, theme)
        case .certificates: out = certificates(report, theme)
        case .mx: out = mx(report, theme)
        case .reports: return []  // drawn by ReportsPaneView
        }
        out.append(StyledLine(""))
        let findings = pane.group.map { report.findings(in: $0) } ?? []
        if findings.isEmpty {
            out.append(StyledLine("\(theme.glyphs.ok) no problem found in this pane", Style(.ok, bold: true)))
        } else {
            out.append(StyledLine("Findings", Style(.header, bold: true)))
            for finding in findings { out += block(finding, width: width, theme: theme) }
        }
        return out
    }

    static func block(_ finding: Finding, width: Int, theme: Theme) -> [StyledLine] {
        let (badge, style) = theme.badge(finding.severity)
        var out = [StyledLine([(badge, style), ("  ", .normal), (finding.code.rawValue, Style(.normal, bold: true)),
                               ("  " + finding.subject, Style(.accent))])]
        let indent = "    "
        func add(_ label: String, _ text: String, _ labelStyle: Style = Style(.muted)) {
            guard !text.isEmpty else { return }
            let wrapped = TextWrap.wrap(Evidence.excerpt(text, limit: shownBytes), width: max(width - indent.count - label.count, 10))
            for (index, line) in wrapped.enumerated() {
                let prefix = index == 0 ? label : String(repeating: " ", count: label.count)
                out.append(StyledLine([(indent + prefix, labelStyle), (line, .normal)]))
            }
        }
        add("", finding.message)
        add("evidence: ", finding.evidence)
        add("fix:      ", finding.remedy, Style(.ok))
        add("see:      ", finding.rfc)
        return out
    }

    static func field(_ name: String, _ value: String, _ style: Style = .normal) -> StyledLine {
        StyledLine([(DisplayWidth.pad(name, to: 12), Style(.muted)), (Evidence.excerpt(value, limit: shownBytes), style)])
    }

    /// A field whose value may be longer than the pane (a TXT record): one line when it fits,
    /// else at most ``shownBytes`` of it wrapped under the name, with `… N more bytes`.
    static func longField(_ name: String, _ value: String, width: Int, _ style: Style = .normal) -> [StyledLine] {
        let room = max(width - 12, 10)
        let head = Evidence.excerpt(value, limit: shownBytes)
        if DisplayWidth.of(head) <= room {
            return [field(name, head, style)]
        }
        return TextWrap.wrap(head, width: room).enumerated().map { index, line in
            StyledLine([(DisplayWidth.pad(index == 0 ? name : "", to: 12), Style(.muted)), (line, style)])
        }
    }

    static func lookupText<R>(_ lookup: DNSLookup<R>, records: (DNSLookup<R>) -> String) -> String {
        var text = lookup.status == .ok ? records(lookup) : lookup.summary
        if lookup.status == .ok, let ttl = lookup.ttl { text += "   TTL \(ttl)" }
        if !lookup.cnames.isEmpty { text += "   via CNAME \(lookup.cnames.joined(separator: " → "))" }
        return text
    }

    static func dns(_ report: DomainReport, width: Int, _ theme: Theme) -> [StyledLine] {
        let o = report.observation
        var out = [StyledLine("Resolver: \(o.resolver ?? "unknown")", Style(.muted))]
        out.append(field("MX", o.mx.status == .ok ? "" : o.mx.summary))
        for record in o.mx.records.sorted(by: { $0.preference < $1.preference }) {
            let host = o.mxHosts.first { MXMatcher.normalize($0.host) == record.host }
            let addresses = host.map { $0.addresses.isEmpty ? "no address" : $0.addresses.joined(separator: ", ") } ?? ""
            out.append(StyledLine("  \(record.preference) \(record.exchange)  \(addresses)"))
            if let tlsa = host?.tlsa, tlsa.status == .ok, !tlsa.records.isEmpty {
                let signed = tlsa.authenticated == true ? "DNSSEC \(theme.glyphs.ok): DANE senders use it instead of MTA-STS"
                    : "not DNSSEC-authenticated: senders ignore it"
                out.append(StyledLine("      TLSA _25._tcp.\(record.host) (\(signed))", Style(.muted)))
                for tlsaRecord in tlsa.records { out.append(StyledLine("        \(tlsaRecord)", Style(.muted))) }
            }
        }
        out += longField("_mta-sts", lookupText(o.stsTXT) { $0.records.map { "\"" + $0.strings.joined(separator: "\" \"") + "\"" }.joined(separator: " | ") }, width: width)
        out += longField("_smtp._tls", lookupText(o.tlsrptTXT) { $0.records.map { "\"" + $0.strings.joined(separator: "\" \"") + "\"" }.joined(separator: " | ") }, width: width)
        if let host = o.policyHost {
            out.append(field("mta-sts", lookupText(host) { $0.records.joined(separator: ", ") }))
        }
        let ad: [(String, Bool?)] = [("MX", o.mx.authenticated), ("_mta-sts", o.stsTXT.authenticated),
                                     ("_smtp._tls", o.tlsrptTXT.authenticated)]
        let dnssec = ad.map { name, flag in "\(name) " + (flag == true ? theme.glyphs.ok : flag == false ? "unsigned" : "?") }
        out.append(field("DNSSEC", dnssec.joined(separator: ", ")))
        return out
    }

    static func policy(_ report: DomainReport, width: Int, _ theme: Theme) -> [StyledLine] {
        let o = report.observation
        guard let fetch = o.policyFetch else { return [StyledLine("\(o.policyURL): not fetched", Style(.muted))] }
        var out = [StyledLine(fetch.url, Style(.accent))]
        if let status = fetch.status {
            var line = "HTTP \(status)"
            if let ms = fetch.elapsedMilliseconds { line += " in \(ms) ms" }
            if let address = fetch.address { line += " from \(address)" }
            out.append(StyledLine(line))
            for header in fetch.headers.prefix(12) {
                out.append(StyledLine([("  \(header.name): ", Style(.muted)), (header.value, .normal)]))
            }
        } else if let failure = fetch.failure {
            out.append(StyledLine("failed: \(failure)", Style(.fail)))
        }
        if let body = fetch.body {
            out.append(StyledLine(""))
            out.append(StyledLine("Policy file as served\(fetch.bodyTruncated ? " (truncated)" : "")", Style(.header, bold: true)))
            // Mark the lines findings point at (`line N`).
            var marks: [Int: Severity] = [:]
            for finding in report.findings(in: .policy) where finding.subject.hasPrefix("line ") {
                if let number = Int(finding.subject.dropFirst(5)) { marks[number] = max(marks[number] ?? .info, finding.severity) }
            }
            // Split the bytes at LF (a Swift String treats CRLF as one character); a CR left
            // inside a line is a bare CR and is shown as ␍.
            var lines = body.prefix(16 * 1024).split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
                String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)
            }
            if lines.last == "" { lines.removeLast() }
            for (index, line) in lines.prefix(400).enumerated() {
                let number = index + 1
                let mark = marks[number]
                let glyph = mark.map { $0 == .error ? theme.glyphs.fail : $0 == .warning ? theme.glyphs.warn : $0 == .unknown ? "?" : theme.glyphs.info } ?? " "
                let head = Evidence.excerpt(line, limit: shownBytes)
                let shown = String(String.UnicodeScalarView(head.unicodeScalars.map { $0 == "\r" ? "␍" : $0 }))
                let gutter = theme.glyphs.ascii ? 5 : 2
                let lineStyle = mark.map { Style(theme.role($0)) } ?? .normal
                // A line wider than the pane is wrapped under its number (at most `shownBytes`).
                let room = max(width - gutter - 4, 10)
                let pieces = DisplayWidth.of(shown) <= room ? [shown] : TextWrap.wrap(shown, width: room)
                for (index, piece) in pieces.enumerated() {
                    out.append(StyledLine([
                        (DisplayWidth.pad(index == 0 ? glyph : "", to: gutter), Style(theme.role(mark))),
                        (index == 0 ? String(format: "%3d ", number) : "    ", Style(.muted)),
                        (piece, lineStyle),
                    ]))
                }
            }
        }
        if let policy = report.policy {
            out.append(StyledLine(""))
            out.append(field("mode", policy.mode.rawValue, Style(.normal, bold: true)))
            out.append(field("max_age", "\(policy.maxAge) s (\(RolloutDuration.text(TimeInterval(policy.maxAge))))"))
            out.append(field("mx", policy.mx.joined(separator: ", ")))
        }
        if let record = report.stsRecord { out.append(field("id", record.id)) }
        return out
    }

    /// Every certificate of every chain, as judged by the core (``DomainReport/certificates``:
    /// days left and validity at the evaluation time); the leaf's names, trust and key below it.
    static func certificates(_ report: DomainReport, _ theme: Theme) -> [StyledLine] {
        var out: [StyledLine] = []
        for certificate in report.certificates {
            let style: StyleRole = switch certificate.validity {
            case .valid: .normal
            case .expiring: .warn
            case .expired, .notYetValid: .fail
            }
            let expires = "\(certificate.notAfter.formatted(.iso8601.year().month().day())) (\(certificate.daysLeft) d"
                + (certificate.validity == .valid ? ")" : ", \(certificate.validity.rawValue))")
            if certificate.role == .leaf {
                let place = certificate.isPolicyHost ? "  (policy host)" : "  (MX, \(certificate.addresses.joined(separator: ", ")))"
                out.append(StyledLine([(certificate.host, Style(.accent, bold: true)), (place, Style(.muted))]))
                out.append(field("  subject", certificate.subject))
                out.append(field("  names", certificate.dnsNames.joined(separator: ", ")))
                out.append(field("  issuer", certificate.issuer))
                out.append(field("  expires", expires, Style(style, bold: style != .normal)))
                if let chainTrust = certificate.trust {
                    out.append(field("  chain", chainTrust.trusted ? "\(theme.glyphs.ok) trusted (\(certificate.presented ?? 0) presented)"
                                     : "\(theme.glyphs.fail) \(chainTrust.reason ?? "untrusted")",
                                     Style(chainTrust.trusted ? .ok : .fail)))
                }
                if let key = certificate.keyType { out.append(field("  key", key)) }
            } else {
                out.append(field("  \(certificate.role.rawValue)", "\(certificate.subject), expires \(expires)", Style(style)))
            }
        }
        if out.isEmpty { out.append(StyledLine("no certificate observed", Style(.muted))) }
        return out
    }

    static func mx(_ report: DomainReport, _ theme: Theme) -> [StyledLine] {
        let o = report.observation
        var out: [StyledLine] = []
        for host in o.mxHosts {
            var coverage: (String, Style) = ("", .normal)
            if let covered = report.coverage(of: host.host) {
                coverage = covered.pattern.map { ("  covered by \($0)", Style(.ok)) } ?? ("  NOT covered by the policy", Style(.fail, bold: true))
            }
            out.append(StyledLine([(host.host, Style(.accent, bold: true)), coverage]))
            if host.probes.isEmpty { out.append(StyledLine("  no address probed", Style(.muted))) }
            for probe in host.probes {
                var segments: [(String, Style)] = [("  \(probe.address):\(probe.port)  ", .normal)]
                switch probe.starttlsOffered {
                case true?: segments.append(("STARTTLS \(theme.glyphs.ok)", Style(.ok)))
                case false?: segments.append(("no STARTTLS \(theme.glyphs.fail)", Style(.fail, bold: true)))
                case nil: segments.append(("-", Style(.muted)))
                }
                if let tls = probe.tls { segments.append(("  \(tls.version ?? "TLS ?")\(tls.cipher.map { " " + $0 } ?? "")", .normal)) }
                if let failure = probe.failure { segments.append(("  failed: \(failure.stage.rawValue) \(failure.kind.rawValue)", Style(.fail))) }
                if let ms = probe.elapsedMilliseconds { segments.append(("  \(ms) ms", Style(.muted))) }
                out.append(StyledLine(segments))
                if let banner = probe.banner { out.append(StyledLine("    \(banner)", Style(.muted))) }
            }
            if let dane = report.dane(of: host.host) {
                out += daneLines(dane, theme)
            }
        }
        if out.isEmpty { out.append(StyledLine("MX hosts not probed", Style(.muted))) }
        return out
    }

    /// DANE for one MX host, as the core judged it (``DomainReport/dane``): the state in words,
    /// the TLSA records with their usage, and which record each address matched.
    static func daneLines(_ dane: DANEHostStatus, _ theme: Theme) -> [StyledLine] {
        let (text, role): (String, StyleRole) = switch dane.state {
        case .notApplicable: ("DANE does not apply: \(dane.reason ?? "not DNSSEC-secure")", .muted)
        case .none: ("DANE: no TLSA records (DNSSEC-secure answer)", .muted)
        case .insecure: ("DANE: TLSA records not DNSSEC-authenticated, ignored by senders", .info)
        case .indeterminate: ("DANE \(theme.glyphs.fail) TLSA lookup fails: DANE senders will not use this host", .fail)
        case .unusable: ("DANE \(theme.glyphs.warn) no usable record: TLS required, not authenticated", .warn)
        case .validated: ("DANE \(theme.glyphs.ok) every address matches a TLSA record", .ok)
        case .mismatch: ("DANE \(theme.glyphs.fail) an address matches no TLSA record: DANE senders defer mail", .fail)
        case .unchecked: ("DANE: TLSA records, but no TLS handshake to compare", .warn)
        }
        var out = [StyledLine("  " + text, Style(role, bold: role == .fail))]
        guard dane.state != .notApplicable || !dane.records.isEmpty else { return out }
        for record in dane.records {
            let usable = record.isUsableForSMTP ? "" : " (unusable for SMTP)"
            out.append(StyledLine("    TLSA \(record.usageName) \(record.description.prefix(40))…\(usable)", Style(.muted)))
        }
        for result in dane.addresses {
            let line = result.matched.map { "    \(result.address): matched \($0.usageName) (\(result.matchedSubject ?? "?"))" }
                ?? "    \(result.address): no record matched"
            out.append(StyledLine(line, Style(result.matched == nil ? .fail : .ok)))
        }
        return out
    }
}
