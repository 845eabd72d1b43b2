import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSIngest

/// `mtasts reports parse FILE|-`: reads one report or message and prints it, storing nothing.
struct ReportsParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one TLS-RPT report or report mail and print it, without storing it.",
        discussion: """
            FILE is a report (.json), a gzip report (.json.gz, RFC 8460 §5.3), or one mail \
            message (.eml; multipart/report or multipart/mixed with the report attached); `-` \
            reads one of these from standard input. Quirks of the sender's JSON are accepted and \
            listed as report.* findings. Exit 0 clean, 1 quirk warnings, 2 not a valid report \
            (the error names the JSON member and why), 3 unreadable file.
            --json prints {"source", "report" | null, "findings", "error": {"kind", "path", \
            "reason", "message", "line", "column"} | null, "message": {…} | null}.
            """)

    @Argument(help: ArgumentHelp("The report or message file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        var ingester = ReportIngester()
        var items: [IngestItem] = []
        if file == "-" {
            ingester.ingestStandardInput { items.append($0) }
        } else {
            var directory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &directory) else {
                throw UsageFailure("cannot read \(file): no such file")
            }
            guard !directory.boolValue else {
                throw UsageFailure("\(file) is a directory; `reports parse` reads one report or message")
            }
            ingester.ingest(path: file) { items.append($0) }
        }
        guard items.count == 1, let item = items.first else {
            throw UsageFailure("\(file) holds \(items.count) messages; `reports parse` reads one report or message")
        }
        if case .unreadable(let reason)? = item.error { throw UsageFailure("cannot read \(reason)") }

        let printer = TLSRPTReportPrinter(style: output.style)
        if output.json {
            try JSONOutput.print(ParseOutput(item))
        } else {
            for line in printer.lines(item) { print(line) }
        }
        if item.error != nil { try ExitStatus.errors.exit() }
        try ExitStatus(findings: item.parsed?.findings ?? []).exit()
    }
}

/// The JSON of `reports parse --json`.
struct ParseOutput: Encodable {
    struct ErrorOutput: Encodable {
        var kind: String
        var path: String?
        var reason: String
        var message: String
        var line: Int?
        var column: Int?

        enum CodingKeys: String, CodingKey {
            case kind, path, reason, message, line, column
        }

        /// Every key is written, `null` when not applicable, as documented.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(path, forKey: .path)
            try c.encode(reason, forKey: .reason)
            try c.encode(message, forKey: .message)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
        }
    }

    var source: String
    var report: TLSRPTReport?
    var findings: [Finding]
    var error: ErrorOutput?
    var message: MessageInfo?

    init(_ item: IngestItem) {
        source = item.source
        report = item.parsed?.report
        findings = item.parsed?.findings.bySeverity ?? []
        message = item.message
        if let error = item.error {
            if case .invalidReport(let reportError) = error {
                self.error = ErrorOutput(
                    kind: error.kind, path: reportError.path, reason: reportError.reason, message: error.description,
                    line: reportError.line, column: reportError.column)
            } else {
                self.error = ErrorOutput(kind: error.kind, path: nil, reason: error.description, message: error.description)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case source, report, findings, error, message
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(report, forKey: .report)
        try c.encode(findings, forKey: .findings)
        try c.encode(error, forKey: .error)
        try c.encode(message, forKey: .message)
    }
}
