@testable import MTASTSProbe

/// Writes a `DNSMessage` as a server would (uncompressed names), for the fake server's answers.
enum DNSTestEncoder {
    static func encode(_ message: DNSMessage) -> [UInt8] {
        var flags: UInt16 = message.flags.wireValue(rcode: UInt8(truncatingIfNeeded: message.rcode.rawValue & 0x0F))
        flags |= 0x8000  // QR
        var wire = DNSTestWire(
            id: message.id, flags: flags, qd: UInt16(message.questions.count), an: UInt16(message.answers.count))
        for question in message.questions {
            wire.question(question.name, type: question.type.rawValue)
        }
        for record in message.answers {
            wire.name(record.name)
            wire.record(type: record.type.rawValue, ttl: record.ttl) { body in
                switch record.rdata {
                case .a(let text):
                    for part in text.split(separator: ".") { body.u8(UInt8(part)!) }
                case .mx(let preference, let exchange):
                    body.u16(preference)
                    body.name(exchange)
                case .cname(let target):
                    body.name(target)
                case .txt(let strings):
                    for string in strings {
                        body.u8(UInt8(string.count))
                        body.raw(string)
                    }
                default:
                    break
                }
            }
        }
        return wire.bytes
    }

    /// A NOERROR answer to `question` with `records` (owner = the question name).
    static func answer(id: UInt16, question: DNSQuestion, ad: Bool = false, rcode: DNSResponseCode = .noError,
                       _ rdata: [DNSRData]) -> DNSMessage {
        var flags = DNSHeaderFlags(wireValue: 0x8180)
        flags.ad = ad
        return DNSMessage(
            id: id, flags: flags, rcode: rcode, questions: [question],
            answers: rdata.map { DNSResourceRecord(name: question.name, type: question.type, ttl: 120, rdata: $0) },
            authority: [], additional: [], edns: nil)
    }
}
