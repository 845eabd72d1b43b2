/// The 2-octet length prefix of DNS over TCP (RFC 1035 §4.2.2, RFC 7766 §8).
public enum DNSTCPFraming {
    /// Prefixes `message` with its length as a big-endian 16-bit value.
    /// - Throws: ``DNSEncodeError/messageTooLong(length:)`` above 65,535 octets.
    public static func frame(_ message: [UInt8]) throws(DNSEncodeError) -> [UInt8] {
        guard message.count <= Int(UInt16.max) else { throw .messageTooLong(length: message.count) }
        var out: [UInt8] = []
        out.reserveCapacity(2 + message.count)
        out.append(UInt8(truncatingIfNeeded: message.count >> 8))
        out.append(UInt8(truncatingIfNeeded: message.count))
        out.append(contentsOf: message)
        return out
    }

    /// The message length announced by the first two octets of `buffer`, or
    /// nil when fewer than two octets have arrived.
    public static func messageLength(prefix buffer: [UInt8]) -> Int? {
        guard buffer.count >= 2 else { return nil }
        return Int(buffer[0]) << 8 | Int(buffer[1])
    }

    /// Splits the first complete length-prefixed message off `buffer`.
    /// Returns nil while the prefix or the message is incomplete; the length
    /// is at most 65,535, so a caller never has to buffer more than that.
    public static func splitFrame(_ buffer: [UInt8]) -> (message: [UInt8], remainder: [UInt8])? {
        guard let length = messageLength(prefix: buffer), buffer.count - 2 >= length else { return nil }
        let end = 2 + length
        return (Array(buffer[2..<end]), Array(buffer[end...]))
    }
}
