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
        case .info: .info
        case nil: .ok
        }
    }

    func badge(_ severity: Severity) -> (String, Style) {
        switch severity {
        case .error: ("\(glyphs.fail) ERROR", Style(.fail, bold: true))
        case .warning: ("\(glyphs.warn) WARN", Style(.warn, bold: true))
        case .info: ("\(glyphs.info) INFO", Style(.info))
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
