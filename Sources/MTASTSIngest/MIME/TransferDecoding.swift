/// `Content-Transfer-Encoding` decoders (RFC 2045 §6). Both are lenient, as mail readers
/// are: characters outside the alphabet are skipped, a missing `=` padding is tolerated, a
/// malformed `=XX` is kept literally.
public enum TransferDecoding {
    /// The body decoded per `encoding` (lower case): `base64`, `quoted-printable`; `7bit`,
    /// `8bit`, `binary` and anything unknown are returned as they are.
    public static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding {
        case "base64": base64(body)
        case "quoted-printable": quotedPrintable(body)
        default: Array(body)
        }
    }

    private static let base64Table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        // The URL-safe alphabet (RFC 4648 §5) appears in the wild too.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// RFC 2045 §6.8: line breaks and other characters outside the alphabet are ignored;
    /// decoding stops at the first `=`.
    public static func base64(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        let table = base64Table
        for byte in body {
            if byte == UInt8(ascii: "=") { break }
            let value = table[Int(byte)]
            if value == 0xFF { continue }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line is a soft line break,
    /// trailing white space on a line is padding and dropped.
    public static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        ByteLines.forEach(in: body) { content, full in
            var end = content.upperBound
            while end > content.lowerBound, body[end - 1] == 0x20 || body[end - 1] == 0x09 { end -= 1 }
            var index = content.lowerBound
            var soft = false
            while index < end {
                let byte = body[index]
                if byte == UInt8(ascii: "=") {
                    if index + 1 == end {
                        soft = true
                        index += 1
                        continue
                    }
                    if index + 2 < end, let high = MIMEHeaderValue.hexValue(body[index + 1]),
                        let low = MIMEHeaderValue.hexValue(body[index + 2])
                    {
                        out.append(high << 4 | low)
                        index += 3
                        continue
                    }
                }
                out.append(byte)
                index += 1
            }
            if !soft { out += body[content.upperBound..<full.upperBound] }
            return true
        }
        return out
    }
}
