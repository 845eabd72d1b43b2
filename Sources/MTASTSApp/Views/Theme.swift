import Foundation
import MTASTSCore
import TerminalUI

/// How verdicts look: glyph + word + role, never colour alone.
struct Theme {
    var glyphs: Glyphs

    init(ascii: Bool) { glyphs = ascii ? .plain : .unicode }

    func role(_ severity: Severity?) -> StyleRole {
        switch severity {
        case .error: .fail
        case .warning: .warn
        case .unknown: .pending
        case .info: .info
        case nil: .ok
        }
    }

    func badge(_ severity: Severity) -> (String, Style) {
        switch severity {
        case .error: ("\(glyphs.fail) ERROR", Style(.fail, bold: true))
        case .warning: ("\(glyphs.warn) WARN", Style(.warn, bold: true))
        case .unknown: ("\(glyphs.ascii ? "[??]" : "?") NOT CHECKED", Style(.pending, bold: true))
        case .info: ("\(glyphs.info) INFO", Style(.info))
        }
    }

    /// A gate item's kind: the gate's word (blocker, not checked, warning, note).
    func badge(_ kind: GateItem.Kind) -> (String, Style) {
        switch kind {
        case .blocker: ("\(glyphs.fail) BLOCKER", Style(.fail, bold: true))
        case .unknown: ("\(glyphs.ascii ? "[??]" : "?") NOT CHECKED", Style(.pending, bold: true))
        case .warning: ("\(glyphs.warn) WARNING", Style(.warn, bold: true))
        case .note: ("\(glyphs.info) NOTE", Style(.info))
        }
    }

    /// The report-level enforce gate in the header and the list: state word and style.
    func readiness(_ gate: GateResult) -> (String, Style) {
        switch gate.state {
        case .ready: ("enforce: ready", Style(.title, reverse: true))
        case .acknowledge: ("enforce: ready, \(gate.warnings.count) warning(s) to acknowledge", Style(.title, reverse: true))
        case .blocked: ("enforce: NOT ready, \(gate.headline)", Style(.fail, bold: true, reverse: true))
        case .unknown: ("enforce: could not check, \(gate.headline)", Style(.pending, bold: true, reverse: true))
        }
    }

    func stageStyle(_ stage: LiveStage?) -> Style {
        guard let stage else { return Style(.pending) }
        switch stage {
        case .enforce: return Style(.ok, bold: true)
        case .testing: return Style(.accent)
        case .removing: return Style(.warn)
        case .broken: return Style(.fail, bold: true)
        case .none: return Style(.muted)
        case .unknown: return Style(.pending, bold: true)
        }
    }

    /// `5m ago`, `3h ago`, `2d ago`.
    static func age(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return "\(seconds)s ago" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        if seconds < 86_400 { return "\(seconds / 3600)h ago" }
        return "\(seconds / 86_400)d ago"
    }
}

/// A line made of styled segments.
struct StyledLine {
    var segments: [(String, Style)]
    init(_ segments: [(String, Style)]) { self.segments = segments }
    init(_ text: String, _ style: Style = .normal) { segments = [(text, style)] }

    var text: String { segments.map(\.0).joined() }

    func draw(into canvas: inout Canvas, x: Int, y: Int, clip: Rect) {
        var column = x
        for (text, style) in segments { column += canvas.put(text, x: column, y: y, style: style, clip: clip) }
    }
}
