/// The common shape of the `_mta-sts` and `_smtp._tls` TXT records:
/// `version *(field-delim field) [field-delim]`, with `field-delim = *WSP ";" *WSP` and
/// `field = name "=" value` (RFC 8461 §3.1, RFC 8460 §3).
///
/// This type only splits the text; the record types judge the fields.
struct TagValueRecord: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        var name: String
        /// The text after `=` up to the next `;`, without trailing WSP. May contain WSP
        /// (allowed inside `rua` lists only; the record types check).
        var value: String
    }

    /// A piece of the record that is outside the grammar.
    struct SyntaxProblem: Sendable, Equatable {
        var message: String
        var fragment: String
    }

    var fields: [Field]
    var problems: [SyntaxProblem]

    /// Splits `text`, which must start with `version` (the caller has checked that).
    init(text: String, version: String) {
        fields = []
        problems = []
        var rest = Substring(text.unicodeScalars.dropFirst(version.unicodeScalars.count))
        // After the version there must be a delimiter, a field, and so on.
        var sawField = false
        while !rest.isEmpty {
            let beforeDelim = rest
            let wsBefore = rest.prefix { $0.unicodeScalars.first!.isWSP }
            rest = rest.dropFirst(wsBefore.count)
            guard rest.first == ";" else {
                problems.append(SyntaxProblem(
                    message: rest.isEmpty
                        ? "trailing white space after the last field"
                        : "expected `;` before \(String(rest.prefix(20)).debugDescription)",
                    fragment: Self.fragment(beforeDelim)))
                if rest.isEmpty { break }
                // Resynchronise at the next `;`, keeping the unparsed text as evidence.
                if let semicolon = rest.firstIndex(of: ";") {
                    rest = rest[semicolon...]
                    continue
                }
                break
            }
            rest = rest.dropFirst()
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { break }  // optional final delimiter
            let fieldEnd = rest.firstIndex(of: ";") ?? rest.endIndex
            var fieldText = rest[rest.startIndex..<fieldEnd]
            rest = rest[fieldEnd...]
            // Trailing WSP belongs to the next delimiter; after the last field there is none, so
            // `id=1 ` without a final `;` is outside the grammar (strict senders such as mox reject it).
            let untrimmed = fieldText
            while let last = fieldText.last, last == " " || last == "\t" { fieldText = fieldText.dropLast() }
            if rest.isEmpty && fieldText.count != untrimmed.count {
                problems.append(SyntaxProblem(message: "trailing white space after the last field", fragment: Self.fragment(untrimmed)))
            }
            guard let equals = fieldText.firstIndex(of: "=") else {
                problems.append(SyntaxProblem(message: "field without `=`", fragment: Self.fragment(fieldText)))
                continue
            }
            sawField = true
            fields.append(Field(
                name: String(fieldText[fieldText.startIndex..<equals]),
                value: String(fieldText[fieldText.index(after: equals)...])))
        }
        if !sawField && problems.isEmpty {
            problems.append(SyntaxProblem(message: "no field after the version", fragment: Self.fragment(Substring(text))))
        }
    }

    /// The piece a problem is about: up to the next `;`, at most ``Evidence/limit`` bytes. Never
    /// the rest of the record: a record of 30,000 bad pieces would copy it 30,000 times.
    static func fragment(_ text: Substring) -> String {
        let end = text.firstIndex(of: ";") ?? text.endIndex
        let piece = text[text.startIndex..<end]
        if piece.utf8.count <= Evidence.limit { return String(piece) }
        let head = Evidence.prefix(String(piece.prefix(Evidence.limit)), bytes: Evidence.limit)
        return head + "… \(piece.utf8.count - head.utf8.count) more bytes"
    }

    /// `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")` — the extension name rule shared by
    /// RFC 8461 §3.1 (`sts-ext-name`), §3.2 (`sts-policy-ext-name`) and RFC 8460 §3.
    static func isValidExtensionName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, first.isASCIIAlphaNumeric, scalars.count <= 32 else { return false }
        return scalars.dropFirst().allSatisfy { $0.isASCIIAlphaNumeric || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// `1*(%x21-3A / %x3C / %x3E-7E)` — printable ASCII except `;` and `=`
    /// (RFC 8461 §3.1 `sts-ext-value`, RFC 8460 §3 `tlsrpt-ext-value`).
    static func isValidExtensionValue(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy {
            ($0.value >= 0x21 && $0.value <= 0x7E) && $0 != ";" && $0 != "="
        }
    }
}
