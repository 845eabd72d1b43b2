import ArgumentParser
import Foundation
import MTASTSApp
import MTASTSCore
import MTASTSStore

/// `mtasts` / `mtasts tui`: the terminal UI over the workspace.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Browse and check the workspace's domains in the terminal UI (the default command).",
        discussion: """
            Keys: arrows or j/k move, Enter opens a domain, Tab switches panes, / filters, s sorts, \
            r re-checks, a adds, ? shows every key, q quits. Colour follows NO_COLOR and --no-color.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var ui: UIOptions
    @OptionGroup var probe: ProbeOptions

    func run() throws {
        try UIOptions.requireTerminal()
        let workspace = try ui.readonly ? workspaceOptions.openReadOnly() : workspaceOptions.open()
        let environment = try probe.makeEnvironment()
        let services = LiveServices(workspace: workspace, checker: environment.bulk)
        AppRuntime(services: services, options: ui.appOptions(demo: false), colour: ui.colour).run()
    }
}

/// `mtasts demo`: the TUI over a throwaway workspace of recorded observations; no network.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the terminal UI on a throwaway workspace of recorded domains (no network).")

    @OptionGroup var ui: UIOptions

    func run() throws {
        try UIOptions.requireTerminal()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace: Workspace
        do {
            workspace = try Workspace.open(path: directory.appendingPathComponent("workspace.sqlite").path)
        } catch {
            throw UsageFailure("cannot create the demo workspace: \(error)")
        }
        let services = try DemoServices.make(workspace: workspace)
        AppRuntime(services: services, options: ui.appOptions(demo: true), colour: ui.colour).run()
    }
}

/// Options of the terminal UI.
struct UIOptions: ParsableArguments {
    @Flag(name: .long, help: "Read-only: no adding or removing domains.")
    var readonly = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "ASCII symbols only (also when the locale is not UTF-8).")
    var ascii = false

    @Option(name: .customLong("refresh-minutes"), help: "Re-check domains whose last check is older than this (0: never).")
    var refreshMinutes: Int = 60

    var colour: Bool { !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    @Option(name: .customLong("operator"), help: ArgumentHelp("Name written to the audit log (default: $USER).", valueName: "name"))
    var operatorName: String?

    func appOptions(demo: Bool) -> AppOptions {
        var options = AppOptions(readOnly: readonly, ascii: ascii, demo: demo,
                                 refreshInterval: refreshMinutes > 0 ? TimeInterval(refreshMinutes * 60) : nil)
        if let operatorName { options.operatorName = operatorName }
        if !demo { options.watchInterval = 1 }  // notice other processes' changes within a second
        return options
    }

    static func requireTerminal() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw UsageFailure("the terminal UI needs a terminal; for scripts use `mtasts check --json` and `mtasts domains list`")
        }
    }
}
