import ArgumentParser
import Foundation
import MTASTSStore

/// `mtasts import FILE`: add the domains listed in a file, for scripting.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the domains listed in a file (one per line) to the workspace.",
        discussion: """
            One domain per line; `#` starts a comment; blank lines are skipped. Invalid lines are \
            reported with their line numbers on stderr and the valid ones are still added, in one \
            transaction. Exit 0 when every line was valid, 1 when some were invalid, 3 when the \
            file cannot be read.
            """)

    @Argument(help: "The file, or - for standard input.")
    var file: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    /// A line that is not a domain name.
    struct InvalidLine: Encodable {
        var line: Int
        var text: String
    }

    /// The JSON of `import --json`.
    struct Result: Encodable {
        var file: String
        var added: Int
        var existing: Int
        var invalid: [InvalidLine]
    }

    func run() throws {
        let input = try Input.read(path: file, maxSize: 64 * 1024 * 1024)
        let (names, invalid) = Self.parse(String(decoding: input.bytes, as: UTF8.self))
        let store = try workspace.open()
        let addition = try store.add(domains: names)
        let result = Result(file: input.name, added: addition.added.count, existing: addition.existing.count, invalid: invalid)
        for line in invalid {
            FileHandle.standardError.write(Data("mtasts: \(input.name):\(line.line): \(line.text.debugDescription) is not a domain name\n".utf8))
        }
        if output.json {
            try JSONOutput.print(result)
        } else {
            print("imported \(input.name): \(result.added) added, \(result.existing) already present, \(invalid.count) invalid")
        }
        if !invalid.isEmpty { try ExitStatus.warnings.exit() }
    }

    /// Splits the file into valid names and invalid lines (1-based numbers); comments and blank
    /// lines are dropped.
    static func parse(_ text: String) -> (names: [String], invalid: [InvalidLine]) {
        var names: [String] = []
        var invalid: [InvalidLine] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !content.isEmpty else { continue }
            if DomainName.normalized(content) != nil {
                names.append(content)
            } else {
                invalid.append(InvalidLine(line: index + 1, text: content))
            }
        }
        return (names, invalid)
    }
}
