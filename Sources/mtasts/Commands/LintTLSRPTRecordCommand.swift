import ArgumentParser
import MTASTSCore

/// `mtasts lint tlsrpt-record --txt RECORD...`
struct LintTLSRPTRecordCommand: RecordListCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlsrpt-record",
        abstract: "Check the _smtp._tls TXT record set (RFC 8460 §3).",
        discussion: """
            Each --txt is one TXT record of the set, bare or as dig prints it, e.g.
              mtasts lint tlsrpt-record --txt 'v=TLSRPTv1; rua=mailto:tlsrpt@example.com'
            """)

    @Option(name: .long, help: ArgumentHelp("One TXT record (repeat for each record of the set).", valueName: "record"))
    var txt: [String] = []

    @OptionGroup var output: OutputOptions


    func run() throws {
        let records = try RecordInputs.records(txt)
        let parsed = TLSRPTRecordParser.parse(rrset: records)
        if output.json {
            try JSONOutput.print(LintResult(valid: parsed.isValid, valueKey: "record", value: parsed.value, findings: parsed.findings.bySeverity))
        } else {
            let printer = FindingPrinter(style: output.style)
            print("_smtp._tls record: \(printer.verdict(valid: parsed.isValid, findings: parsed.findings))")
            if let record = parsed.value {
                for uri in record.rua { print("  rua      \(uri)") }
            }
            if !parsed.findings.isEmpty { print("") }
            printer.print(parsed.findings)
        }
        try ExitStatus(findings: parsed.findings).exit()
    }
}
