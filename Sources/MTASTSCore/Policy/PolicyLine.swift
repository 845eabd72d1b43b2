/// One line of a policy body, split at LF (RFC 8461 §3.2 `sts-policy-term = LF / CRLF`).
struct PolicyLine: Sendable, Equatable {
    enum Terminator: Sendable, Equatable { case lf, crlf, none }

    /// 1-based line number.
    var number: Int
    /// The line's bytes without the terminator.
    var bytes: ArraySlice<UInt8>
    var terminator: Terminator

    /// Splits a body into lines. A final terminator does not start another line.
    static func split(_ body: [UInt8]) -> [PolicyLine] {
        var lines: [PolicyLine] = []
        var start = body.startIndex
        var number = 1
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == 0x0A {
                var end = index
                var terminator = Terminator.lf
                if end > start && body[end - 1] == 0x0D {
                    end -= 1
                    terminator = .crlf
                }
                lines.append(PolicyLine(number: number, bytes: body[start..<end], terminator: terminator))
                number += 1
                start = index + 1
            }
            index += 1
        }
        if start < body.endIndex {
            lines.append(PolicyLine(number: number, bytes: body[start..<body.endIndex], terminator: .none))
        }
        return lines
    }
}
