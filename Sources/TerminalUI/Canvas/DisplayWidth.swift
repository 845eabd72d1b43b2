import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal columns a character occupies: the C library's `wcwidth(3)`, the table
/// ncurses lays its cells out with. wcwidth answers -1 for everything outside ASCII unless
/// `LC_CTYPE` is UTF-8, and tests and CLI output never call `setlocale`; so every answer is
/// read under a UTF-8 `LC_CTYPE` of its own, set with `uselocale` for this thread only and
/// restored at once (glibc's width table is the same in every UTF-8 locale).
public enum DisplayWidth {
    /// A grapheme takes the widths of its scalars added up, at most 2 (a canvas cell and its
    /// continuation): `e` + U+0301 is 1, a flag (two regional indicators of width 1) is 2, and
    /// an emoji with a skin-tone modifier or a ZWJ sequence is 2.
    public static func of(_ character: Character) -> Int {
        withUTF8CType { columns(character) }
    }

    /// `wcwidth` of one scalar: 0 for C0/C1 controls and DEL (the canvas shows them as `?` or
    /// not at all); a printable-looking scalar wcwidth does not know (unassigned in this C
    /// library's Unicode version, or no UTF-8 locale on the system) takes one column, like the
    /// replacement glyph a terminal draws for it.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        withUTF8CType { columns(scalar) }
    }

    public static func of(_ text: String) -> Int {
        withUTF8CType { text.reduce(0) { $0 + columns($1) } }
    }

    public static func of(_ text: Substring) -> Int {
        withUTF8CType { text.reduce(0) { $0 + columns($1) } }
    }

    /// The width of every character of `text`, in order, measured under one locale switch:
    /// one pass for callers that lay out long text (``TextWrap``).
    public static func columns(of text: some StringProtocol) -> [Int] {
        withUTF8CType { text.map { columns($0) } }
    }

    /// The longest prefix of `text` that fits in `columns`, with `…` when cut (if `ellipsis`).
    ///
    /// One pass that stops at the first character past `columns`: the cost follows the width
    /// asked for, not the length of `text` (a 64 KB record cut to a pane's width).
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        return withUTF8CType {
            let limit = ellipsis ? columns - 1 : columns
            var used = 0
            var cut: String.Index?  // where the prefix fitting `limit` ends
            var index = text.startIndex
            while index < text.endIndex {
                let w = Self.columns(text[index])
                if cut == nil && used + w > limit { cut = index }
                if used + w > columns { break }
                used += w
                index = text.index(after: index)
            }
            if index == text.endIndex { return text }  // all of it fits
            let head = String(text[text.startIndex..<(cut ?? index)])
            return ellipsis ? head + "…" : head
        }
    }

    /// `text` padded with spaces (or cut) to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    // MARK: - wcwidth under a UTF-8 LC_CTYPE

    private static func columns(_ character: Character) -> Int {
        min(2, character.unicodeScalars.reduce(0) { $0 + columns($1) })
    }

    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        let width = Int(cn_wcwidth(scalar.value))
        if width >= 0 { return width }
        let v = scalar.value
        return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1
    }

    /// Runs `body` with `LC_CTYPE` switched to UTF-8 on this thread (POSIX `uselocale`), or
    /// under the process's locale when the system has no UTF-8 locale.
    private static func withUTF8CType<T>(_ body: () -> T) -> T {
        guard let locale = utf8CType else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// Made once and never freed or changed; only ever passed to `uselocale`, which reads it.
    nonisolated(unsafe) private static let utf8CType: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()
}
