import Foundation
import ArgumentParser
import MTASTSCore

/// `mtasts codes`: the documented finding codes.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "List every finding code with its usual severity and RFC section.")

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var code: String
        var severity: Severity
        var title: String
        var rfc: String
        var remedy: String
    }

    func run() throws {
        let entries = FindingCatalog.all.map {
            Entry(code: $0.code.rawValue, severity: $0.severity, title: $0.title, rfc: $0.rfc, remedy: $0.remedy)
        }
        if output.json {
            try JSONOutput.print(entries)
        } else {
            let width = entries.map(\.code.count).max() ?? 0
            for entry in entries {
                print(entry.code.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + entry.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + entry.title)
            }
        }
    }
}
