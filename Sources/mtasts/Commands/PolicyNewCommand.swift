import ArgumentParser
import Foundation
import MTASTSCore

/// `mtasts policy new --mx HOST... --mode testing|enforce`
struct PolicyNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Propose a policy file and a _mta-sts TXT record with a fresh id.",
        discussion: """
            The policy lists every MX host by exact name. max_age defaults to one day for \
            testing and two weeks for enforce.
            """)

    @Option(name: .long, help: ArgumentHelp("An MX host (repeat for each; `10 mx.example.com` sets a preference).", valueName: "host"))
    var mx: [String] = []

    @Option(name: .long, help: "testing, enforce or none.")
    var mode: STSMode

    @Option(name: .long, help: "The domain, to print the URL and the zone-file line.")
    var domain: String?

    @Option(name: .customLong("max-age"), help: "max_age in seconds (0-31557600).")
    var maxAge: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let maxAge, !(0...STSPolicy.maxAgeLimit).contains(maxAge) {
            throw ValidationError("--max-age must be between 0 and \(STSPolicy.maxAgeLimit)")
        }
        if mx.isEmpty && mode != .none { throw ValidationError("give at least one --mx HOST for mode \(mode.rawValue)") }
    }

    func run() throws {
        let records = try mx.enumerated().map { index, value in
            let parts = value.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2, let preference = UInt16(parts[0]) {
                return MXRecord(preference: preference, exchange: String(parts[1]))
            }
            guard parts.count == 1 else { throw UsageFailure("cannot read --mx \(value.debugDescription)") }
            return MXRecord(preference: UInt16(clamping: index * 10), exchange: value)
        }
        let proposal = PolicyAuthor.propose(domain: domain, mx: records, mode: mode, maxAge: maxAge, id: PolicyID.make())
        if output.json {
            try JSONOutput.print(proposal)
        } else {
            print("# Policy file" + (proposal.policyURL.map { ": serve at \($0) as text/plain" } ?? ""))
            print(proposal.policyText.replacingOccurrences(of: "\r\n", with: "\n"), terminator: "")
            print("")
            print("# _mta-sts TXT record")
            print(proposal.zoneLine ?? proposal.record.text)
            if !proposal.findings.isEmpty {
                print("")
                FindingPrinter(style: output.style).print(proposal.findings)
            }
        }
        try ExitStatus(findings: proposal.findings).exit()
    }
}

extension STSMode: ExpressibleByArgument {}
