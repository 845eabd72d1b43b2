import Foundation

extension Workspace {
    /// Where the workspace lives when `--workspace` is not given, following the XDG Base
    /// Directory specification: `$XDG_DATA_HOME/mtasts/workspace.sqlite`, or
    /// `~/.local/share/mtasts/workspace.sqlite` when `XDG_DATA_HOME` is unset, empty or relative
    /// (the specification says relative paths are invalid and must be ignored).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return (base as NSString).appendingPathComponent("mtasts/workspace.sqlite")
    }
}
