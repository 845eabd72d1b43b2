#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TerminalUI

/// Column widths from the C library's wcwidth, as curses and the terminal count them.
@Suite("Display width")
struct DisplayWidthTests {
    @Test("wide, narrow and zero-width characters", arguments: [
        ("abc", 3), ("✓ ✗ ⚠", 5), ("日本語", 6), ("한국어", 6), ("Ａ", 2), ("\u{3000}", 2),
        ("🔒", 2), ("😀", 2), ("🚀", 2), ("✅", 2), ("❌", 2), ("⭐", 2), ("⚡", 2),
        ("e\u{301}", 1), ("a\u{300}\u{301}\u{302}", 1), ("\u{301}", 0), ("\u{200B}", 0),
        ("…", 1), ("─", 1),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("a grapheme is one or two cells: flags, skin tones and ZWJ sequences are 2", arguments: [
        "🇩🇪", "👍🏽", "👨\u{200D}👩\u{200D}👧",
    ])
    func clusters(text: String) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(text) == 2)
    }

    @Test("controls take no column; a scalar wcwidth does not know takes one")
    func nonPrintables() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x09)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x7F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x85)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x378)!) == 1)  // unassigned
    }

    @Test("the answer does not depend on this thread's locale (wcwidth is -1 in \"C\")")
    func localeIndependent() throws {
        let made: locale_t? = newlocale(LC_CTYPE_MASK, "C", nil)
        let c = try #require(made)
        defer { freelocale(c) }
        let previous = uselocale(c)
        defer { uselocale(previous) }
        #expect(DisplayWidth.of("日本語 ✓") == 8)
        #expect(DisplayWidth.truncate("日本語日本語", to: 7) == "日本語…")
    }

    @Test("truncate and pad never split a wide character")
    func truncateWide() {
        #expect(DisplayWidth.truncate("日本語", to: 4, ellipsis: false) == "日本")
        #expect(DisplayWidth.truncate("日本語", to: 5, ellipsis: false) == "日本")
        #expect(DisplayWidth.pad("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.pad("日本", to: 5) == "日本 ")
        #expect(DisplayWidth.pad("🇩🇪x", to: 4) == "🇩🇪x ")
    }
}
