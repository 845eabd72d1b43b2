import Foundation
import MTASTSCore
import TerminalUI

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
    /// The filter when `/` opened the prompt: `Esc` there restores it.
    public var filterBeforePrompt: DomainFilter?
    public var sort: SortOrder = .name
    public var problemsOnly = false
    public var list = ListState()

    public var pane: Pane = .dns
    /// A detail screen opened before its report was there: the pane moves to the worst
    /// finding's when the report arrives, unless the operator picked one first.
    public var paneFollowsWorst: String?
    /// The first line of the `?` help shown (clamped by ``HelpView``).
    public var helpScroll = 0
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
    /// Of `runDone`, the domains the checker could not judge (not counted as checked).
    public var runUnknown = 0
    public var quitRequested = false
    /// The periodic refresh waits until then after the operator stopped a run (`x`).
    public var refreshPausedUntil: Date?
    /// Watching the workspace for other processes' changes: the last change token seen, when
    /// it was last asked for, and whether an answer is awaited.
    public var watch = WorkspaceWatch()
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

extension AppState {
    /// The rollout gate of the move to enforce when the rollout panel has loaded it (both
    /// layers: the report's and the plan, history and TLS-RPT rules); `nil` otherwise, and the
    /// header falls back to the report's own layer (``DomainReport/enforce``).
    func enforceGate(_ domain: String) -> GateResult? {
        guard let assessment = rollout.panels[domain]?.assessment, assessment.advanceTarget == .enforce else { return nil }
        return assessment.gate
    }
}
