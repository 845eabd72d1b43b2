import Foundation
import MTASTSCore
import TerminalUI

/// Everything that can happen to the app: keys, time, and results of effects.
public enum Message: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    case tick(now: Date, milliseconds: Int)
    /// The workspace's rows, at start-up.
    case loaded([DomainRow])
    /// A check finished.
    case checked(DomainReport)
    /// A stored report (on opening a domain not checked in this session).
    case reportLoaded(DomainReport)
    case domainsAdded(added: [String], existing: [String], invalid: [String])
    case domainRemoved(String)
    case failed(String)
}

/// Work `update` asks the runtime to do, off the UI thread; results come back as messages.
public enum Effect: Sendable, Equatable {
    case check([String])
    case loadReport(String)
    case addDomains([String])
    case removeDomain(String)
    case quit
}
