import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// The lines of the rollout panel: formatting of the core's ``RolloutAssessment`` only.
enum RolloutContent {
    static func lines(_ panel: RolloutPanelData, state: AppState, width: Int, theme: Theme) -> [StyledLine] {
        let a = panel.assessment
        let g = theme.glyphs
        var out: [StyledLine] = []
        func header(_ text: String) {
            out.append(StyledLine(""))
            out.append(StyledLine(text, Style(.header, bold: true)))
        }
        func wrapped(_ text: String, indent: String = "  ", style: Style = .normal) {
            for line in TextWrap.wrap(text, width: max(width - indent.count, 10)) { out.append(StyledLine(indent + line, style)) }
        }

        // Stages: the path with the live stage and the plan marked.
        var path: [(String, Style)] = [(DisplayWidth.pad("Stages", to: 12), Style(.muted))]
        for (index, stage) in [LiveStage.none, .testing, .enforce, .removing].enumerated() {
            if index > 0 { path.append((g.ascii ? " > " : " → ", Style(.muted))) }
            let live = a.liveStage == stage
            let planned = a.plan?.target.expectedStage == stage
            var label = stage == .removing ? "none (withdraw)" : stage.rawValue
            if live { label = "[\(label)]" }
            if planned && !live { label = "<\(label)>" }
            path.append((label, live ? theme.stageStyle(stage).with(bold: true) : planned ? Style(.accent, bold: true) : Style(.muted)))
        }
        out.append(StyledLine(path))
        out.append(StyledLine("             [live]  <planned>", Style(.muted)))
        let liveText = a.liveStage?.rawValue ?? "not checked"
        var planText = "none"
        if let plan = a.plan {
            planText = plan.target.rawValue + (plan.target == .removed ? "" : "  id \(plan.policyID)")
            planText += plan.publishedAt.map { "  published \($0.rolloutText)" } ?? "  not published"
            if let verified = plan.verifiedAt { planText += "  verified \(verified.rolloutText)" }
        }
        out.append(PaneContent.field("Live", liveText, theme.stageStyle(a.liveStage).with(bold: true)))
        out.append(PaneContent.field("Plan", planText, Style(.accent)))
        let kind = "[\(a.nextStep.kind.rawValue)] "
        let stepLines = TextWrap.wrap(a.nextStep.text, width: max(width - 12 - kind.count, 10))
        for (index, text) in stepLines.enumerated() {
            out.append(StyledLine([(DisplayWidth.pad(index == 0 ? "Next step" : "", to: 12), Style(.muted)),
                                   (index == 0 ? kind : String(repeating: " ", count: kind.count), Style(.accent, bold: true)),
                                   (text, Style(.normal, bold: true))]))
        }
        if let busy = state.rollout.busy[panel.domain] {
            out.append(StyledLine("             \(g.spinnerFrame(milliseconds: state.clockMilliseconds)) \(busy)", Style(.pending)))
        }
        if let soak = a.soakSeconds {
            let done = soak >= a.soakRequired
            out.append(PaneContent.field("Soak", "\(RolloutDuration.text(soak)) in testing of \(RolloutDuration.text(a.soakRequired)) "
                + (done ? g.ok : g.warn), Style(done ? .ok : .warn)))
        }
        if let removal = a.earliestRemoval {
            out.append(PaneContent.field("Removal", "earliest \(removal.rolloutText) (max_age wait, RFC 8461 §8.3)", Style(.warn)))
        }

        if let i = a.instructions, a.verification?.matches != true {
            header("Publish")
            for (index, step) in i.steps.enumerated() { wrapped("\(index + 1). \(step)") }
            if !i.policyText.isEmpty {
                out.append(StyledLine([("  policy file  ", Style(.muted)), (i.policyURL, Style(.accent))]))
                for line in LineDiff.lines(i.policyText) { out.append(StyledLine("    " + line)) }
            }
            if let zone = i.zoneLine { out.append(StyledLine([("  TXT  ", Style(.muted)), (zone, Style(.normal, bold: true))])) }
            if let tlsrpt = i.tlsrptLine { out.append(StyledLine([("  TLS-RPT  ", Style(.muted)), (tlsrpt, .normal)])) }
            if let path = i.webrootPath { out.append(StyledLine([("  written to  ", Style(.muted)), (path, .normal)])) }
        }

        if let v = a.verification {
            header("Verification: plan vs live")
            if let waiting = state.rollout.verifying[panel.domain] {
                out.append(StyledLine("  \(g.spinnerFrame(milliseconds: state.clockMilliseconds)) re-checking until live matches (check \(waiting.attempts), until \(waiting.deadline.rolloutText))", Style(.pending)))
            }
            out.append(StyledLine(v.matches ? "  \(g.ok) live matches the plan" : "  \(g.fail) live differs from the plan",
                                  Style(v.matches ? .ok : .fail, bold: true)))
            out.append(StyledLine([("  record   live    ", Style(.muted)), (v.liveRecords.isEmpty ? "(none)" : v.liveRecords.joined(separator: " | "), Style(v.recordMatches ? .ok : .fail))]))
            out.append(StyledLine([("           planned ", Style(.muted)), (v.plannedRecord ?? "(removed)", .normal)]))
            if !v.policyMatches {
                out.append(StyledLine("  policy   (- live only, + planned only)", Style(.muted)))
                for line in v.policyDiff {
                    let style: Style = line.kind == .planned ? Style(.ok) : line.kind == .live ? Style(.fail) : Style(.muted)
                    out.append(StyledLine("    " + line.rendered, style))
                }
            }
            if !v.matches { for delay in v.delays { wrapped("why: " + delay, indent: "  ", style: Style(.muted)) } }
        }

        if !a.idFindings.isEmpty {
            header("Id discipline (RFC 8461 §3.1)")
            for finding in a.idFindings { out += PaneContent.block(finding, width: width, theme: theme) }
        }
        if let steps = a.mxMigration {
            header("MX change: safe order (RFC 8461 §8.1)")
            for step in steps {
                let mark = "  \(step.done ? g.ok : (g.ascii ? "[ ]" : "·")) \(step.number). "
                let indent = String(repeating: " ", count: DisplayWidth.of(mark))
                let lines = TextWrap.wrap(step.text, width: max(width - indent.count, 10))
                out.append(StyledLine([(mark, Style(step.done ? .ok : .muted)), (lines.first ?? "", .normal)]))
                for line in lines.dropFirst() { out.append(StyledLine(indent + line)) }
            }
        }
        if let gate = a.gate {
            let from = gate.from?.rawValue ?? "unchecked"
            header("Gate \(from) → \(gate.to.rawValue)  (A advances)")
            if gate.isClear {
                out.append(StyledLine("  \(g.ok) nothing blocks, nothing to acknowledge", Style(.ok, bold: true)))
            } else {
                var counts = "  \(g.fail) \(gate.blockers.count) blocker(s)   \(g.warn) \(gate.warnings.count) warning(s) to acknowledge"
                if !gate.unknowns.isEmpty { counts += "   ? \(gate.unknowns.count) not checked" }
                out.append(StyledLine(counts, Style(gate.isPassable ? .warn : .fail, bold: true)))
                if !gate.isPassable {
                    out.append(StyledLine("  refused by default; o overrides by typing the domain name and a reason (audit log)", Style(.muted)))
                }
            }
            for item in gate.blockers + gate.unknowns + gate.warnings {
                let (badge, style) = theme.badge(item.kind)
                out.append(StyledLine([("  " + badge + "  ", style), (item.code.rawValue, Style(.normal, bold: true)), ("  " + item.subject, Style(.accent))]))
                wrapped(item.message, indent: "      ")
            }
            for note in gate.notes {
                out.append(StyledLine([("  " + theme.badge(GateItem.Kind.note).0 + "  ", Style(.info)), (note.code.rawValue, .normal)]))
            }
        }
        return out
    }
}

extension Style {
    /// The same style, bold.
    func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
