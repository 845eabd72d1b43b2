import Foundation
import MTASTSCore

/// What the app needs from the outside world: the workspace and the checker. The runtime calls
/// these off the UI thread; `LiveServices` uses the SQLite workspace and the network probes,
/// `DemoServices` a throwaway workspace and recorded observations.
public protocol AppServices: Sendable {
    func loadRows() async throws -> [DomainRow]
    /// Checks `domains`, calling `report` as each finishes (and saving it).
    func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async
    func loadReport(_ domain: String) async -> DomainReport?
    func add(_ names: [String]) async throws -> (added: [String], existing: [String], invalid: [String])
    func remove(_ name: String) async throws
}
