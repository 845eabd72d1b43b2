import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// Everything that can happen to the app: keys, time, and results of effects.
public enum Message: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    case tick(now: Date, milliseconds: Int)
    /// The workspace's rows, at start-up.
    case loaded([DomainRow])
    /// The workspace's change token, polled on the tick (`nil`: nothing to watch, or it could
    /// not be read).
    case workspacePolled(Int?)
    /// The workspace's rows again, after another process changed it.
    case rowsReloaded([DomainRow])
    /// A check finished.
    case checked(DomainReport)
    /// A run of checks ended: what it established as a whole (port 25 blocked from here, the
    /// resolver unreachable) and whether saving failed.
    case checkRunFinished(CheckRunResult)
    /// A stored report (on opening a domain not checked in this session).
    case reportLoaded(DomainReport)
    case domainsAdded(added: [String], existing: [String], invalid: [String])
    case domainRemoved(String)
    case failed(String)
    /// The Reports pane of a domain (TLS-RPT, off the UI thread).
    case tlsrptLoaded(ReportsPaneData)
    case failureDetailsLoaded(domain: String, bucket: TLSRPTFailureBucket, [StoredFailureDetail])
    case triageLoaded([DomainReportTotals])
    /// A rollout request answered (panel data, a move through the gate, a verification).
    case rollout(RolloutResponse)
}

/// Work `update` asks the runtime to do, off the UI thread; results come back as messages.
public enum Effect: Sendable, Equatable {
    case check([String])
    /// Stop starting the checks still waiting; those in flight finish (bounded by the timeouts).
    case cancelChecks
    case loadReport(String)
    case addDomains([String])
    case removeDomain(String)
    case loadTLSRPT(String)
    case loadFailureDetails(domain: String, bucket: TLSRPTFailureBucket)
    case loadTriage
    case rollout(RolloutRequest, operator: String)
    /// Ask the workspace whether another process changed it (``AppServices/workspaceChangeToken()``).
    case pollWorkspace
    /// Read the rows again (another process changed the workspace).
    case reloadRows
    /// `C-l`: clear the terminal and paint the whole frame again (a garbled screen).
    case redraw
    case quit
}
