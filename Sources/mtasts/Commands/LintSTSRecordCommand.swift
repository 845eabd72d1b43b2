import ArgumentParser
import MTASTSCore

/// `mtasts lint sts-record --txt RECORD...`
struct LintSTSRecordCommand: RecordListCommand {
    static let configuration = CommandConfiguration(
        commandName: "sts-record",
        abstract: "Check the _mta-sts TXT record set (RFC 8461 §3.1).",
        discussion: """
            Each --txt is one TXT record of the set, either the bare text or the form dig prints \
            (double-quoted character-strings, with \\" and \\DDD escapes), e.g.
              mtasts lint sts-record --txt '"v=STSv1; " "id=20240101;"'
            """)

    @Option(name: .long, help: ArgumentHelp("One TXT record (repeat for each record of the set).", valueName: "record"))
    var txt: [String] = []

    @OptionGroup var output: OutputOptions


    func run() throws {
        let records = try RecordInputs.records(txt)
        let parsed = STSRecordParser.parse(rrset: records)
        if output.json {
            try JSONOutput.print(LintResult(valid: parsed.isValid, valueKey: "record", value: parsed.value, findings: parsed.findings.bySeverity))
        } else {
            let printer = FindingPrinter(style: output.style)
            print("_mta-sts record: \(printer.verdict(valid: parsed.isValid, findings: parsed.findings))")
            if let record = parsed.value {
                print("  id       \(record.id)")
                for ext in record.extensions { print("  \(ext.name)  \(ext.value) (ignored by senders)") }
            }
            if !parsed.findings.isEmpty { print("") }
            printer.print(parsed.findings)
        }
        try ExitStatus(findings: parsed.findings).exit()
    }
}
