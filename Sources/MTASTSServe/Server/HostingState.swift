import Foundation
import Synchronization

/// What the listeners read on every request and handshake: the hosted policies and the loaded
/// certificates, each an immutable snapshot swapped whole under a lock (a request never sees
/// half a reload).
public final class HostingState: Sendable {
    private let tableBox = Mutex(PolicyHostTable())
    private let libraryBox = Mutex(CertificateLibrary())

    public init(table: PolicyHostTable = PolicyHostTable(), library: CertificateLibrary = CertificateLibrary()) {
        tableBox.withLock { $0 = table }
        libraryBox.withLock { $0 = library }
    }

    public var table: PolicyHostTable { tableBox.withLock { $0 } }
    public var library: CertificateLibrary { libraryBox.withLock { $0 } }

    public func replace(table: PolicyHostTable) { tableBox.withLock { $0 = table } }
    public func replace(library: CertificateLibrary) { libraryBox.withLock { $0 = library } }

    /// The certificate state of every hosted name at `now`.
    public func certificateStatus(at now: Date) -> [HostCertificateStatus] {
        library.status(of: table.hosts, at: now)
    }
}
