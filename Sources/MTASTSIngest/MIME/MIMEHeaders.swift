/// The header section of a message or MIME part (RFC 5322 §2.2, RFC 2045 §3): fields in
/// order, with folded lines unfolded (§2.2.3: a line starting with WSP continues the previous
/// field).
public struct MIMEHeaders: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var fields: [Field]

    public init(fields: [Field] = []) { self.fields = fields }

    /// The first field called `name` (case-insensitive), trimmed.
    public subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// Splits `bytes` into the header section and the body. The header section ends at the
    /// first empty line; a part that starts with an empty line has no headers (RFC 2046 §5.1.1).
    /// Lines that are neither fields nor continuations are skipped.
    static func split(_ bytes: ArraySlice<UInt8>) -> (headers: MIMEHeaders, body: ArraySlice<UInt8>) {
        var fields: [Field] = []
        var bodyStart = bytes.endIndex
        ByteLines.forEach(in: bytes) { content, full in
            if content.isEmpty {
                bodyStart = full.upperBound
                return false
            }
            let first = bytes[content.lowerBound]
            if first == 0x20 || first == 0x09 {
                if !fields.isEmpty {
                    fields[fields.count - 1].value += " " + ByteLines.text(bytes[content]).trimmingWhitespace
                }
                return true
            }
            guard let colon = bytes[content].firstIndex(of: 0x3A), colon > content.lowerBound else { return true }
            let name = ByteLines.text(bytes[content.lowerBound..<colon]).trimmingWhitespace
            let value = ByteLines.text(bytes[(colon + 1)..<content.upperBound]).trimmingWhitespace
            if !name.isEmpty, !name.contains(" ") { fields.append(Field(name: name, value: value)) }
            return true
        }
        return (MIMEHeaders(fields: fields), bytes[bodyStart...])
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
