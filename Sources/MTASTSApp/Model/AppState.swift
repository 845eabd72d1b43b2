import Foundation
import MTASTSCore
import TerminalUI

/// The panes of the domain detail screen, in Tab order.
public enum Pane: String, Sendable, CaseIterable {
    case dns = "DNS"
    case policy = "Policy"
    case certificates = "Certificates"
    case mx = "MX / STARTTLS"
    /// TLS-RPT reports received for the domain (RFC 8460), beside the live findings.
    case reports = "Reports"

    /// The findings group the pane shows; `nil` for Reports (its own content).
    var group: FindingGroup? {
        switch self {
        case .dns: .dns
        case .policy: .policy
        case .certificates: .certificates
        case .mx: .mx
        case .reports: nil
        }
    }
}

/// A screen of the stack; `Esc` pops.
public enum Screen: Sendable, Equatable {
    case list
    case detail(domain: String)
    case help
    /// `T`: every domain with reported TLS failures in the last 30 days, worst first.
    case triage
    /// `p`: the rollout panel of a domain (plan, publish, verify, gate).
    case rollout(domain: String)
    /// `H`: a domain's audit log and timeline of live stages.
    case history(domain: String)
}

/// What the one-line prompt or the modal is asking for.
public enum Prompt: Sendable, Equatable {
    case filter(TextInput)
    case command(TextInput)
    case addDomain(TextInput)
    /// Remove a domain: `y` confirms, anything else cancels (focus on No).
    case confirmRemove(domain: String)
    /// A gate's typed confirmation: the domain name, and a reason to override blockers.
    case gate(GateModal)
}

/// A status message with a level; info clears itself, errors stay until a key is pressed.
public struct Flash: Sendable, Equatable {
    public enum Level: Sendable { case info, warning, error }
    public var level: Level
    public var text: String
    public var expires: Date?
}

/// Options fixed at start.
public struct AppOptions: Sendable, Equatable {
    public var readOnly = false
    public var ascii = false
    public var demo = false
    /// Re-check domains whose last check is older than this; `nil` disables.
    public var refreshInterval: TimeInterval? = 3600
    /// Written to the audit log: `--operator`, else `$USER`.
    public var operatorName: String = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    public init(readOnly: Bool = false, ascii: Bool = false, demo: Bool = false, refreshInterval: TimeInterval? = 3600) {
        self.readOnly = readOnly
        self.ascii = ascii
        self.demo = demo
        self.refreshInterval = refreshInterval
    }
}

/// Everything the screen shows. `update` changes it; `view` draws it.
public struct AppState: Sendable {
    public var options: AppOptions
    public var width: Int
    public var height: Int
    public var now: Date
    /// Milliseconds since start, for the spinner (a pure function of time).
    public var clockMilliseconds = 0

    public var screens: [Screen] = [.list]
    /// Every domain, in workspace order; `visible` is the filtered, sorted view of it.
    public var rows: [DomainRow] = []
    public private(set) var visible: [Int] = []
    /// Full reports of domains checked or opened in this session.
    public var reports: [String: DomainReport] = [:]
    public var filter = DomainFilter("")
    public var sort: SortOrder = .name
    public var problemsOnly = false
    public var list = ListState()

    public var pane: Pane = .dns
    public var paneScroll: [Pane: Int] = [:]
    /// TLS-RPT: the Reports pane, its drill-down and the triage screen.
    public var tlsrpt = ReportsViewState()
    /// The rollout panel and history screens.
    public var rollout = RolloutViewState()

    public var prompt: Prompt?
    public var flash: Flash?
    /// Domains with a check in flight, and the size of the current run.
    public var checking: Set<String> = []
    public var runTotal = 0
    public var runDone = 0
    public var quitRequested = false
    /// The periodic refresh waits until then after the operator stopped a run (`x`).
    public var refreshPausedUntil: Date?
    /// How many hosts each MX host name serves in the workspace (shared MX visibility).
    public var mxUse: [String: Int] = [:]

    public init(options: AppOptions, width: Int, height: Int, now: Date) {
        self.options = options
        self.width = width
        self.height = height
        self.now = now
    }

    public var screen: Screen { screens.last ?? .list }

    public var selectedRow: DomainRow? {
        guard list.selected < visible.count else { return nil }
        return rows[visible[list.selected]]
    }

    /// Rows on the list screen below the title and header, above the status lines.
    public var listBodyHeight: Int { max(height - 5, 1) }  // title, header, status, footer, spare

    /// Recomputes `visible` after rows, filter, sort or the problems toggle changed, keeping the
    /// selected domain selected when it is still shown.
    public mutating func refreshVisible() {
        let keep = selectedRow?.name
        let filter = self.filter
        let problemsOnly = self.problemsOnly
        let sort = self.sort
        visible = rows.indices.filter { index in
            let row = rows[index]
            if problemsOnly && !(row.worstSeverity == .error || row.worstSeverity == .warning) { return false }
            return filter.matches(row)
        }
        visible.sort { sort.areInIncreasingOrder(rows[$0], rows[$1]) }
        if let keep, let position = visible.firstIndex(where: { rows[$0].name == keep }) {
            list.selected = position
        }
        list.clamp(count: visible.count, visible: listBodyHeight)
        mxUse = [:]
        for row in rows { for host in Set(row.mxHosts) { mxUse[host, default: 0] += 1 } }
    }

    /// Replaces or adds the row for a domain.
    public mutating func upsert(_ row: DomainRow) {
        if let index = rows.firstIndex(where: { $0.name == row.name }) {
            rows[index] = row.keepingWorkspaceData(of: rows[index])
        } else {
            rows.append(row)
        }
    }

    /// Counts per live stage (unchecked under `nil`), for the status bar.
    public var stageCounts: [LiveStage?: Int] {
        var counts: [LiveStage?: Int] = [:]
        for row in rows { counts[row.stage, default: 0] += 1 }
        return counts
    }
}
