import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

extension ScreenKind {
    /// How the help screen names the screen below it.
    var helpTitle: String {
        switch self {
        case .list: "domain list"
        case .detail: "domain detail"
        case .rollout: "rollout panel"
        case .history: "history"
        default: rawValue
        }
    }
}

/// Keys and answers of the rollout panel (`p`) and the history screen (`H`). Every move goes
/// through the core's gate in an effect (with a fresh check); nothing waits here.
enum RolloutUpdate {
    static func request(_ state: inout AppState, _ request: RolloutRequest, busy: String) -> [Effect] {
        state.rollout.busy[request.domain] = busy
        return [.rollout(request, operator: state.options.operatorName)]
    }

    /// `p` from the detail screen.
    static func openPanel(_ state: inout AppState, domain: String) -> [Effect] {
        state.screens.append(.rollout(domain: domain))
        state.rollout.scroll = 0
        return request(&state, .load(domain), busy: "loading…")
    }

    /// `H` from the detail screen or the panel.
    static func openHistory(_ state: inout AppState, domain: String) -> [Effect] {
        state.screens.append(.history(domain: domain))
        state.rollout.historyScroll = 0
        return request(&state, .load(domain), busy: "loading…")
    }

    static func handle(_ state: inout AppState, _ action: ActionID, domain: String, history: Bool) -> [Effect] {
        let page = max(state.height - 6, 1)
        func scroll(_ delta: Int) {
            if history {
                state.rollout.historyScroll = max(0, state.rollout.historyScroll + delta)
            } else {
                state.rollout.scroll = max(0, state.rollout.scroll + delta)
            }
        }
        switch action {
        case .moveDown: scroll(1)
        case .moveUp: scroll(-1)
        case .pageDown: scroll(page)
        case .pageUp: scroll(-page)
        case .halfPageDown: scroll(max(page / 2, 1))
        case .halfPageUp: scroll(-max(page / 2, 1))
        case .top: scroll(-Int.max / 2)
        case .bottom: scroll(Int.max / 2)
        case .back, .quit: state.screens.removeLast()
        case .help: state.screens.append(.help)
        case .quitAll: return AppUpdate.quit(&state)
        case .history: return openHistory(&state, domain: domain)
        case .refresh: return request(&state, .verify(domain), busy: "checking…")
        case .planTesting: return move(&state, domain, .testing)
        case .planEnforce: return move(&state, domain, .enforce)
        case .planNone: return move(&state, domain, .none)
        case .advance:
            let panel = state.rollout.panels[domain]
            guard let target = RolloutAdvisor.advanceTarget(plan: panel?.assessment.plan, liveStage: panel?.assessment.liveStage) else {
                AppUpdate.flash(&state, .info, "nothing to advance: \(panel?.assessment.nextStep.text ?? "no plan")")
                return []
            }
            return move(&state, domain, target)
        case .published:
            guard state.rollout.panels[domain]?.assessment.plan != nil else {
                AppUpdate.flash(&state, .warning, "no plan to publish: plan a stage first (t, e or n)")
                return []
            }
            state.rollout.verifying[domain] = RolloutViewState.Verification(
                deadline: state.now.addingTimeInterval(RolloutViewState.verifyTimeout),
                nextCheck: state.now.addingTimeInterval(RolloutViewState.verifyInterval), attempts: 1, inFlight: true)
            return request(&state, .published(domain), busy: "recording the publication, checking…")
        case .override:
            guard let refused = state.rollout.refused[domain] else {
                AppUpdate.flash(&state, .info, "nothing refused to override")
                return []
            }
            state.prompt = .gate(GateModal(move: refused))
        default: break
        }
        return []
    }

    static func move(_ state: inout AppState, _ domain: String, _ target: RolloutTarget, override: GateOverride = GateOverride()) -> [Effect] {
        request(&state, .move(domain: domain, to: target, override: override), busy: "checking the gate for \(target.rawValue)…")
    }

    /// Keys while the gate modal is open: editing, Tab between fields, Enter submits only when
    /// the typed name matches (and a reason is given for blockers), Esc cancels.
    static func handleModal(_ state: inout AppState, _ modal: GateModal, _ key: Key) -> [Effect] {
        var modal = modal
        switch key {
        case .escape:
            state.prompt = nil
            AppUpdate.flash(&state, .info, "cancelled: \(modal.domain) stays as it is")
            return []
        case .tab, .backTab:
            if modal.needsReason { modal.focus = modal.focus == .name ? .reason : .name }
        case .enter:
            let typed = MXMatcher.normalize(modal.name.text.trimmingCharacters(in: .whitespaces))
            if typed != modal.domain {
                modal.problem = "type the domain name exactly: \(modal.domain)"
                if modal.needsReason { modal.focus = .name }
            } else if modal.needsReason && modal.reason.text.trimmingCharacters(in: .whitespaces).isEmpty {
                modal.problem = "give a reason: it goes to the audit log"
                modal.focus = .reason
            } else {
                state.prompt = nil
                let override = GateOverride(typedDomain: modal.name.text, reason: modal.needsReason ? modal.reason.text : nil)
                return move(&state, modal.domain, modal.to, override: override)
            }
        default:
            modal.problem = nil
            if modal.focus == .name { modal.name.handle(key) } else { modal.reason.handle(key) }
        }
        state.prompt = .gate(modal)
        return []
    }

    /// An answer came back.
    static func response(_ state: inout AppState, _ response: RolloutResponse) -> [Effect] {
        switch response {
        case .failed(let domain, let text):
            state.rollout.busy[domain] = nil
            state.rollout.verifying[domain] = nil
            AppUpdate.flash(&state, .error, "rollout of \(domain): \(text)")
        case .loaded(let panel):
            store(&state, panel)
        case .moved(let move, let panel):
            store(&state, panel)
            switch move.decision {
            case .refused:
                state.rollout.refused[move.domain] = move
                if move.gate.isPassable {
                    // Warnings only: ask for the acknowledgement at once.
                    state.prompt = .gate(GateModal(move: move))
                } else {
                    AppUpdate.flash(&state, .error, "\(move.to.rawValue) refused: \(move.gate.headline); o overrides (type the name and a reason)")
                }
            case .allowed, .acknowledged:
                state.rollout.refused[move.domain] = nil
                AppUpdate.flash(&state, .info, "planned \(move.to.rawValue) for \(move.domain): publish it, then press P")
            case .overridden:
                state.rollout.refused[move.domain] = nil
                AppUpdate.flash(&state, .warning, "OVERRIDE recorded: planned \(move.to.rawValue) for \(move.domain) despite \(move.gate.blockers.count + move.gate.unknowns.count) blocker(s)")
            }
        case .verified(let matches, let panel):
            store(&state, panel)
            let domain = panel.domain
            guard var verification = state.rollout.verifying[domain] else {
                if panel.fresh { AppUpdate.flash(&state, .info, matches ? "live matches the plan" : "checked: live differs from the plan") }
                return []
            }
            verification.inFlight = false
            if matches {
                state.rollout.verifying[domain] = nil
                AppUpdate.flash(&state, .info, "verified: \(domain) is live as planned (\(panel.assessment.liveStage?.rawValue ?? "?"))")
            } else if state.now >= verification.deadline {
                state.rollout.verifying[domain] = nil
                AppUpdate.flash(&state, .warning, "not live yet after \(verification.attempts) checks: DNS TTLs and caches may delay it; P checks again")
            } else {
                verification.nextCheck = state.now.addingTimeInterval(RolloutViewState.verifyInterval)
                state.rollout.verifying[domain] = verification
            }
        }
        return []
    }

    static func store(_ state: inout AppState, _ panel: RolloutPanelData) {
        state.rollout.busy[panel.domain] = nil
        state.rollout.panels[panel.domain] = panel
        if let index = state.rows.firstIndex(where: { $0.name == panel.domain }) {
            state.rows[index].plannedStage = panel.assessment.plan?.target
        }
        if panel.fresh, let report = panel.report {
            state.reports[report.domain] = report
            state.upsert(DomainRow(report: report))
            state.refreshVisible()
        }
    }

    /// On every tick: the next re-check of domains waiting for verification.
    static func dueVerifications(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for (domain, var verification) in state.rollout.verifying where !verification.inFlight && state.now >= verification.nextCheck {
            verification.inFlight = true
            verification.attempts += 1
            state.rollout.verifying[domain] = verification
            effects += request(&state, .verify(domain), busy: "re-checking (\(verification.attempts))…")
        }
        return effects
    }
}
