import Testing
@testable import MTASTSCore

/// Punycode (RFC 3492) for the A-label suggestions of `policy.mx-invalid`. Expected values are
/// the sample strings of RFC 3492 §7.1 (lower-cased: the encoder lower-cases a label first, as
/// IDNA mapping does) and well-known domain labels.
@Suite("Punycode (RFC 3492)")
struct PunycodeTests {
    @Test("RFC 3492 §7.1 samples and common labels", arguments: [
        ("bücher", "xn--bcher-kva"),
        ("münchen", "xn--mnchen-3ya"),
        ("ü", "xn--tda"),
        ("日本語", "xn--wgv71a119e"),
        ("ليهمابتكلموشعربي؟", "xn--egbpdaj6bu4bxfgehfvwxn"),  // (A) Arabic (Egyptian)
        ("他们为什么不说中文", "xn--ihqwcrb4cv8a8dqg056pqjye"),  // (B) Chinese (simplified)
        ("Pročprostěnemluvíčesky", "xn--proprostnemluvesky-uyb24dma41a"),  // (D) Czech
        ("почемужеонинеговорятпорусски", "xn--b1abfaaepdrnnbgefbadotcwatmq2g4l"),  // (I) Russian
        ("3年B組金八先生", "xn--3b-ww4c5e180e575a65lsy2b"),  // (L)
        ("安室奈美恵-with-SUPER-MONKEYS", "xn---with-super-monkeys-pc58ag80a8qai00g7n9n"),  // (M)
        ("BÜCHER", "xn--bcher-kva"),
    ])
    func aLabel(_ label: String, _ expected: String) {
        #expect(Punycode.aLabel(label) == expected)
    }

    @Test("an ASCII label is returned as it is")
    func asciiUnchanged() {
        #expect(Punycode.aLabel("mail") == "mail")
        #expect(Punycode.aLabel("MAIL-1") == "MAIL-1")
        #expect(Punycode.aLabel("") == "")
    }

    @Test("a host name is converted label by label")
    func host() {
        #expect(Punycode.asciiHost("mail.bücher.example") == "mail.xn--bcher-kva.example")
        #expect(Punycode.asciiHost("münchen.bücher.de") == "xn--mnchen-3ya.xn--bcher-kva.de")
        #expect(Punycode.asciiHost("example.com") == "example.com")
    }

    @Test("absurd input does not crash")
    func absurd() {
        let long = String(repeating: "\u{10FFFF}\u{80}", count: 2_000)
        _ = Punycode.aLabel(long)
        _ = Punycode.asciiHost(long + ".." + long)
    }
}
