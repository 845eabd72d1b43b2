import ArgumentParser
import Foundation
import MTASTSStore

/// `mtasts domains …`: the domains of the workspace.
struct DomainsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domains",
        abstract: "Add, remove and list the domains of the workspace.",
        subcommands: [DomainsAddCommand.self, DomainsRemoveCommand.self, DomainsListCommand.self])
}

/// `mtasts domains add DOMAIN...`
struct DomainsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add domains to the workspace.",
        discussion: """
            Names are lower-cased and a trailing dot is dropped; internationalised names must be \
            given as A-labels (xn--…). Valid names are added even when others are invalid; any \
            invalid name makes the exit status 3.
            """)

    @Argument(help: "Domain names.")
    var domains: [String] = []

    @Option(name: .long, help: "A note stored with the newly added domains.")
    var note: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if domains.isEmpty { throw ValidationError("give at least one DOMAIN") }
    }

    func run() throws {
        let result = try workspace.open().add(domains: domains, note: note)
        if output.json {
            try JSONOutput.print(result)
        } else {
            for name in result.added { print("added          \(name)") }
            for name in result.existing { print("already there  \(name)") }
            for text in result.invalid { print("invalid        \(text.debugDescription)") }
            print("\(result.added.count) added, \(result.existing.count) already present, \(result.invalid.count) invalid")
        }
        if !result.invalid.isEmpty {
            throw UsageFailure("not a domain name: " + result.invalid.map(\.debugDescription).joined(separator: ", "))
        }
    }
}

/// `mtasts domains remove DOMAIN...`
struct DomainsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove domains and all their observations from the workspace.",
        discussion: "Exit 1 when a name was not in the workspace, 3 when a name is not a domain name.")

    @Argument(help: "Domain names.")
    var domains: [String] = []

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if domains.isEmpty { throw ValidationError("give at least one DOMAIN") }
    }

    func run() throws {
        let result = try workspace.open().remove(domains: domains)
        if output.json {
            try JSONOutput.print(result)
        } else {
            for name in result.removed { print("removed        \(name)") }
            for name in result.missing { print("not present    \(name)") }
            for text in result.invalid { print("invalid        \(text.debugDescription)") }
            print("\(result.removed.count) removed, \(result.missing.count) not present, \(result.invalid.count) invalid")
        }
        if !result.invalid.isEmpty {
            throw UsageFailure("not a domain name: " + result.invalid.map(\.debugDescription).joined(separator: ", "))
        }
        if !result.missing.isEmpty { try ExitStatus.warnings.exit() }
    }
}

/// `mtasts domains list`
struct DomainsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the domains with their live stage, worst finding and last check.",
        discussion: """
            --json prints an array of {name, addedAt, note, latest}; `latest` is null for a domain \
            never checked, else the summary of its newest observation (liveStage, worstSeverity, \
            worstCode, errorCount, warningCount, observedAt, …).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let summaries = try workspace.openReadOnly().domainSummaries(now: Date())
        if output.json {
            try JSONOutput.print(summaries)
            return
        }
        guard !summaries.isEmpty else {
            print("no domains in \(workspace.path); add them with `mtasts domains add DOMAIN...` or `mtasts import FILE`")
            return
        }
        let style = output.style
        let width = max(6, summaries.map(\.name.count).max() ?? 0) + 2
        print(style.bold(pad("DOMAIN", width) + pad("STAGE", 10) + pad("CHECKED", 22) + "WORST FINDING"))
        for summary in summaries {
            var line = pad(summary.name, width)
            if let latest = summary.latest {
                line += pad(latest.liveStage.rawValue, 10) + pad(latest.observedAt.formatted(.iso8601), 22)
                if let severity = latest.worstSeverity, let code = latest.worstCode {
                    line += style.badge(severity) + "  " + code.rawValue
                } else {
                    line += style.okBadge
                }
            } else {
                line += pad("-", 10) + pad("never", 22) + style.dim("added \(summary.addedAt.formatted(.iso8601))")
            }
            if let note = summary.note { line += style.dim("  # " + note) }
            print(line)
        }
        let checked = summaries.count { $0.latest != nil }
        print("\(summaries.count) domain\(summaries.count == 1 ? "" : "s"), \(checked) checked")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
