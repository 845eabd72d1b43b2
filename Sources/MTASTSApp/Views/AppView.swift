import Foundation
import MTASTSCore
import TerminalUI

/// `view(state) -> Canvas`: draws the current screen; renders verdicts, computes none.
public enum AppView {
    public static let minimumWidth = 60
    public static let minimumHeight = 12

    /// Below the minimum size only the "terminal too small" notice is drawn, and keys other
    /// than quitting do nothing (the operator cannot see what they would act on).
    public static func isTooSmall(width: Int, height: Int) -> Bool { width < minimumWidth || height < minimumHeight }

    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let theme = Theme(ascii: state.options.ascii)
        guard !isTooSmall(width: state.width, height: state.height) else {
            let message = "terminal too small: \(state.width)x\(state.height), need \(minimumWidth)x\(minimumHeight); q quits"
            for (index, line) in TextWrap.wrap(message, width: max(state.width, 1)).enumerated() {
                canvas.put(line, x: 0, y: index, style: Style(.warn, bold: true))
            }
            return canvas
        }
        let (body, bottom) = canvas.bounds.splitBottom(2)
        switch state.screen {
        case .list: ListView.draw(state, theme, into: &canvas, rect: body)
        case .detail(let domain): DetailView.draw(state, domain: domain, theme, into: &canvas, rect: body)
        case .triage: TriageView.draw(state, theme, into: &canvas, rect: body)
        case .rollout(let domain): RolloutView.draw(state, domain: domain, theme, into: &canvas, rect: body)
        case .history(let domain): HistoryView.draw(state, domain: domain, theme, into: &canvas, rect: body)
        case .help:
            let below = state.screens.dropLast().last ?? .list
            HelpView.draw(state, for: below.kind, theme, into: &canvas, rect: body)
        }
        StatusBarView.draw(state, theme, into: &canvas, rect: bottom)
        if case .gate(let modal) = state.prompt {
            GateModalView.draw(modal, theme, into: &canvas, rect: body)
        }
        if case .confirmRemove(let domain) = state.prompt {
            ConfirmView.draw(domain: domain, into: &canvas, rect: body)
        }
        return canvas
    }
}
