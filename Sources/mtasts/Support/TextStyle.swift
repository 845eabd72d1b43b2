import MTASTSCore

/// Glyphs and colours for text output. Colour is never the only signal: every severity also
/// has a word and a symbol, with an ASCII fallback.
struct TextStyle {
    var colour: Bool
    var ascii: Bool

    func badge(_ severity: Severity) -> String {
        let text: String
        switch severity {
        case .error: text = ascii ? "[XX] ERROR" : "✗ ERROR"
        case .warning: text = ascii ? "[!!] WARN " : "⚠ WARN "
        case .unknown: text = ascii ? "[??] UNKNOWN" : "? UNKNOWN"
        case .info: text = ascii ? "[ii] INFO " : "ℹ INFO "
        }
        return paint(text, severity)
    }

    /// A gate item's kind as a badge: the gate's word, not the finding's severity.
    func badge(_ kind: GateItem.Kind) -> String {
        switch kind {
        case .blocker: paint(ascii ? "[XX] BLOCKER" : "✗ BLOCKER", .error)
        case .unknown: paint(ascii ? "[??] NOT CHECKED" : "? NOT CHECKED", .unknown)
        case .warning: paint(ascii ? "[!!] WARNING" : "⚠ WARNING", .warning)
        case .note: paint(ascii ? "[ii] NOTE" : "ℹ NOTE", .info)
        }
    }

    var okBadge: String { colour ? "\u{1B}[32m" + (ascii ? "[ok] OK" : "✓ OK") + "\u{1B}[0m" : (ascii ? "[ok] OK" : "✓ OK") }

    func paint(_ text: String, _ severity: Severity) -> String {
        guard colour else { return text }
        let code = switch severity {
        case .error: "31;1"
        case .warning: "33;1"
        case .unknown: "35;1"
        case .info: "36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
