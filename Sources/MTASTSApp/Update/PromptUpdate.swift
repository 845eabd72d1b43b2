import MTASTSCore
import TerminalUI

/// Keys while a prompt or confirmation is open.
enum PromptUpdate {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        if key == .ctrl("c") { return AppUpdate.quit(&state) }
        switch prompt {
        case .gate(let modal):
            return RolloutUpdate.handleModal(&state, modal, key)
        case .confirmRemove(let domain):
            state.prompt = nil
            if key == .character("y") || key == .character("Y") { return [.removeDomain(domain)] }
            AppUpdate.flash(&state, .info, "kept \(domain)")
            return []
        case .filter(var input):
            switch key {
            case .escape:
                // Back to the filter before `/` (mutt, less): Esc on the list clears it.
                state.prompt = nil
                state.filter = state.filterBeforePrompt ?? DomainFilter("")
                state.filterBeforePrompt = nil
                state.refreshVisible()
            case .enter:
                state.prompt = nil
                if let problem = state.filter.problemText {
                    // A term the filter cannot mean: keep the previous filter, say why.
                    state.filter = state.filterBeforePrompt ?? DomainFilter("")
                    state.refreshVisible()
                    AppUpdate.flash(&state, .error, problem)
                }
                state.filterBeforePrompt = nil
            default:
                input.handle(key)
                state.prompt = .filter(input)
                state.filter = DomainFilter(input.text)  // filter as you type
                state.refreshVisible()
            }
            return []
        case .addDomain(var input):
            switch key {
            case .escape: state.prompt = nil
            case .enter:
                state.prompt = nil
                let names = input.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                return names.isEmpty ? [] : [.addDomains(names)]
            default:
                input.handle(key)
                state.prompt = .addDomain(input)
            }
            return []
        case .command(var input):
            switch key {
            case .escape: state.prompt = nil
            case .enter:
                state.prompt = nil
                return CommandPrompt.run(input.text, state: &state)
            default:
                input.handle(key)
                state.prompt = .command(input)
            }
            return []
        }
    }
}

/// The `:` command line, with the CLI's verbs.
enum CommandPrompt {
    static func run(_ text: String, state: inout AppState) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else { return [] }
        let arguments = Array(words.dropFirst())
        switch verb {
        case "q", "quit", "exit":
            return AppUpdate.quit(&state)
        case "check", "refresh":
            let targets = arguments.isEmpty ? [currentDomain(state)].compactMap { $0 } : arguments
            return AppUpdate.startChecks(&state, targets)
        case "add", "domains":
            guard !state.options.readOnly else { return readOnly(&state) }
            if verb == "domains" && arguments.first != "add" {
                AppUpdate.flash(&state, .error, "use `:domains add D…` or `:add D…`")
                return []
            }
            let names = verb == "add" ? arguments : Array(arguments.dropFirst())
            return names.isEmpty ? [] : [.addDomains(names)]
        case "remove", "rm":
            guard !state.options.readOnly else { return readOnly(&state) }
            guard let name = arguments.first else { return [] }
            state.prompt = .confirmRemove(domain: name)
            return []
        case "sort":
            guard let key = arguments.first.flatMap(SortOrder.init(rawValue:)) else {
                AppUpdate.flash(&state, .error, "sort by: \(SortOrder.allCases.map(\.rawValue).joined(separator: ", "))")
                return []
            }
            state.sort = key
            state.refreshVisible()
            return []
        case "filter":
            let filter = DomainFilter(arguments.joined(separator: " "))
            if let problem = filter.problemText {
                AppUpdate.flash(&state, .error, problem)
                return []
            }
            state.filter = filter
            state.refreshVisible()
            return []
        case "help":
            state.screens.append(.help)
            return []
        case "plan":
            // As the CLI: `plan D --to testing|enforce|none` (or `plan D testing`), D defaulting to
            // the current domain. Goes through the gate like `t`/`e`/`n` in the rollout panel.
            guard !state.options.readOnly else { return readOnly(&state) }
            let words = arguments.filter { $0 != "--to" }
            let target = words.last.flatMap(RolloutTarget.init(rawValue:))
            guard let target, target != .removed,
                  let domain = words.count >= 2 ? words.first : currentDomain(state) else {
                AppUpdate.flash(&state, .error, "use `:plan [DOMAIN] --to testing|enforce|none`")
                return []
            }
            return RolloutUpdate.openPanel(&state, domain: domain) + RolloutUpdate.move(&state, domain, target)
        case "history":
            guard let domain = arguments.first ?? currentDomain(state) else { return [] }
            return RolloutUpdate.openHistory(&state, domain: domain)
        case "triage", "reports":
            return ReportsUpdate.openTriage(&state)
        case "stop":
            return AppUpdate.stopChecks(&state)
        default:
            AppUpdate.flash(&state, .error,
                            "unknown command `\(verb)` (check, add, remove, sort, filter, plan, history, triage, stop, help, q)")
            return []
        }
    }

    static func currentDomain(_ state: AppState) -> String? {
        if case .detail(let domain) = state.screen { return domain }
        return state.selectedRow?.name
    }

    static func readOnly(_ state: inout AppState) -> [Effect] {
        AppUpdate.flash(&state, .warning, "read-only workspace")
        return []
    }
}
