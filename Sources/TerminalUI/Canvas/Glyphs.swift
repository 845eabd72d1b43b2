/// Symbols that carry meaning next to their words, with an ASCII fallback (STYLE.md: never
/// colour alone; `--ascii` or a non-UTF-8 locale gets `[ok] [!!] [XX]`).
public struct Glyphs: Sendable, Equatable {
    public var ok: String
    public var warn: String
    public var fail: String
    public var info: String
    public var pending: String
    public var selected: String
    public var spinner: [String]
    public var bullet: String
    public var ascii: Bool

    public static let unicode = Glyphs(
        ok: "✓", warn: "⚠", fail: "✗", info: "ℹ", pending: "…", selected: "▶",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], bullet: "•", ascii: false)
    public static let plain = Glyphs(
        ok: "[ok]", warn: "[!!]", fail: "[XX]", info: "[ii]", pending: "[..]", selected: ">",
        spinner: ["|", "/", "-", "\\"], bullet: "*", ascii: true)

    /// The spinner frame for a time in milliseconds (a pure function of time, so screens are
    /// reproducible in tests).
    public func spinnerFrame(milliseconds: Int) -> String { spinner[(milliseconds / 100) % spinner.count] }
}
