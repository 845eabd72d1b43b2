import ArgumentParser
import Foundation
import MTASTSIngest
import MTASTSStore

/// `mtasts reports ingest PATH...|-`: reads TLS-RPT reports (RFC 8460 §4, §5.3) from files,
/// messages, mboxes and maildirs and stores them in the workspace.
struct ReportsIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store TLS-RPT reports from files, messages, mboxes, maildirs or stdin in the workspace.",
        discussion: """
            PATH is a report (.json, .json.gz), a message (.eml), an mbox, a maildir (only its \
            regular files are read; a FIFO, socket or device is named and skipped), a pipe, or - \
            for standard input: one message (an MDA or sieve pipe) or an mbox, every message of \
            which is an item. A report already stored (same \
            organization and report-id, RFC 8460 §4.4) counts as a duplicate. Each bad file or \
            message is named on stderr while the others go in; no report is ever half stored. \
            Exit 0 all stored, 1 some items bad, 2 every item bad, 3 could not run. As a delivery \
            pipe (`| mtasts reports ingest --mda -` from sieve, procmail or a Postfix pipe), --mda \
            exits 0 whenever the mail was read, bad reports included (they are named on stderr; \
            a bounce to the reporter helps nobody), and 75 (EX_TEMPFAIL: the MTA keeps the mail \
            and retries) when the workspace cannot be opened or written.
            --json prints {"items", "stored", "duplicates", "errors", "failures": [{"source", "kind", "message"}]}.
            """)

    @Argument(help: ArgumentHelp("Report files, messages, mboxes, maildirs, pipes, or - for standard input.", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .long, help: "Delivery-pipe exit codes: 0 once the mail is read, 75 (EX_TEMPFAIL) when the workspace fails.")
    var mda = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    /// sysexits.h EX_TEMPFAIL: mail transfer agents keep the message and try again later.
    static let temporaryFailure: Int32 = 75

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (or - for standard input)") }
    }

    func run() throws {
        do {
            try ingest()
        } catch where mda && !(error is ExitCode) {
            FileHandle.standardError.write(Data("mtasts: \(error)\n".utf8))
            throw ExitCode(Self.temporaryFailure)
        }
    }

    private func ingest() throws {
        let workspace = try workspaceOptions.open()
        var batch = ReportStoreBatch(workspace: workspace)
        var ingester = ReportIngester()
        let report: (ReportStoreBatch.Failure) -> Void = { failure in
            FileHandle.standardError.write(Data("\(failure.source): \(failure.message)\n".utf8))
        }
        do {
            for path in paths {
                if path == "-" {
                    try ingester.ingestStandardInput { try batch.add($0, onFailure: report) }
                } else {
                    try ingester.ingest(path: path) { try batch.add($0, onFailure: report) }
                }
            }
            try batch.flush(onFailure: report)
        } catch {
            throw UsageFailure("cannot write to the workspace \(workspaceOptions.path): \(error)")
        }
        if output.json {
            try JSONOutput.print(IngestOutput(
                items: batch.items, stored: batch.stored, duplicates: batch.duplicates,
                errors: batch.failures.count, failures: batch.failures))
        } else {
            print("\(batch.items) \(batch.items == 1 ? "item" : "items"): \(batch.stored) stored, "
                + "\(batch.duplicates) \(batch.duplicates == 1 ? "duplicate" : "duplicates"), "
                + "\(batch.failures.count) \(batch.failures.count == 1 ? "error" : "errors")")
        }
        if batch.failures.isEmpty || mda { return }
        try (batch.failures.count == batch.items ? ExitStatus.errors : ExitStatus.warnings).exit()
    }
}

/// The JSON of `reports ingest --json`.
struct IngestOutput: Encodable {
    var items: Int
    var stored: Int
    var duplicates: Int
    var errors: Int
    var failures: [ReportStoreBatch.Failure]
}
