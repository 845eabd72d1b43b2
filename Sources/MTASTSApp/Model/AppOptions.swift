import Foundation
import MTASTSCore
import TerminalUI

/// Options fixed at start.
public struct AppOptions: Sendable, Equatable {
    public var readOnly = false
    public var ascii = false
    public var demo = false
    /// Re-check domains whose last check is older than this; `nil` disables.
    public var refreshInterval: TimeInterval? = 3600
    /// Look for changes other processes made to the workspace this often (``Effect/pollWorkspace``);
    /// `nil` disables (tests, the demo).
    public var watchInterval: TimeInterval?
    /// Written to the audit log: `--operator`, else `$USER`.
    public var operatorName: String = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    public init(readOnly: Bool = false, ascii: Bool = false, demo: Bool = false, refreshInterval: TimeInterval? = 3600) {
        self.readOnly = readOnly
        self.ascii = ascii
        self.demo = demo
        self.refreshInterval = refreshInterval
    }
}
