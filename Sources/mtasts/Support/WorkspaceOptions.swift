import ArgumentParser
import Foundation
import MTASTSStore

/// Options shared by every command that reads or writes the workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace file (default: $XDG_DATA_HOME/mtasts/workspace.sqlite, else ~/.local/share/mtasts/workspace.sqlite).",
        valueName: "path"))
    var workspace: String?

    /// The file this invocation uses.
    var path: String { workspace ?? Workspace.defaultPath() }

    /// Opens (and on first use creates) the workspace; problems become exit 3 with the reason.
    func open() throws -> Workspace {
        do {
            return try Workspace.open(path: path)
        } catch let error as WorkspaceError {
            throw UsageFailure(error.description)
        }
    }
}
