import Foundation
import ArgumentParser
import MTASTSCore

/// `mtasts lint policy [FILE|-] [--mx HOST]...`
struct LintPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check an MTA-STS policy file (RFC 8461 §3.2).",
        discussion: """
            Reads FILE, or standard input when FILE is `-` or absent. With --mx, checks that every \
            MX host is covered by an `mx` pattern and that every pattern is used (RFC 8461 §4.1).
            """)

    @Argument(help: "The policy file, or - for standard input.")
    var file: String?

    @Option(name: .long, help: ArgumentHelp("An MX host of the domain (repeat for each).", valueName: "host"))
    var mx: [String] = []

    @OptionGroup var output: OutputOptions


    struct PolicyJSON: Encodable {
        var version: String
        var mode: STSMode
        var maxAge: Int
        var mx: [String]
    }

    func run() throws {
        let input = try Input.read(path: file, maxSize: 16 * 1024 * 1024)
        let parsed = PolicyParser.parse(input.bytes, subject: input.name)
        var findings = parsed.findings
        if let policy = parsed.value, !mx.isEmpty {
            findings += PolicyCoverageRule.coverage(patterns: policy.mx, mxHosts: mx.map(MXMatcher.normalize))
        }
        let valid = parsed.value != nil && !findings.contains { $0.severity == .error }
        if output.json {
            try JSONOutput.print(LintResult(
                valid: valid, valueKey: "policy",
                value: parsed.value.map { PolicyJSON(version: $0.version, mode: $0.mode, maxAge: $0.maxAge, mx: $0.mx) },
                findings: findings.bySeverity))
        } else {
            let printer = FindingPrinter(style: output.style)
            print("policy \(input.name): \(printer.verdict(valid: valid, findings: findings))")
            if let policy = parsed.value {
                print("  version  \(policy.version)")
                print("  mode     \(policy.mode.rawValue)")
                print("  max_age  \(policy.maxAge) (\(DurationText.describe(seconds: policy.maxAge)))")
                print("  mx       \(policy.mx.isEmpty ? "(none)" : policy.mx.joined(separator: ", "))")
            }
            if !mx.isEmpty {
                for coverage in MXCoverage.of(patterns: parsed.value?.mx ?? [], mxHosts: mx) {
                    print("  MX \(coverage.host): " + (coverage.pattern.map { "covered by `\($0)`" } ?? "NOT covered"))
                }
            }
            if !findings.isEmpty { print("") }
            printer.print(findings)
        }
        try ExitStatus(findings: findings).exit()
    }
}

enum DurationText {
    /// `604800` → `7 days`, `90` → `90 seconds`.
    static func describe(seconds: Int) -> String {
        if seconds >= 86_400, seconds % 86_400 == 0 { return "\(seconds / 86_400) day\(seconds == 86_400 ? "" : "s")" }
        if seconds >= 86_400 { return String(format: "%.1f days", Double(seconds) / 86_400) }
        if seconds >= 3600 { return String(format: "%.1f hours", Double(seconds) / 3600) }
        return "\(seconds) seconds"
    }
}
