import NIOCore
import NIOPosix

/// Asks DNS servers like a stub resolver: each server in turn, `attempts` rounds, UDP first with
/// EDNS0 and the DO bit (RFC 6891, RFC 3225) so a validating resolver reports the AD bit, TCP when
/// the answer is truncated (RFC 7766 §5). Every try has its own timeout.
public struct DNSClient: Sendable {
    public var servers: [DNSServerAddress]
    public var timeout: TimeAmount
    public var attempts: Int
    let group: any EventLoopGroup
    /// Queries in flight at once, shared by every copy of this client (``QueryLimiter``).
    let limiter: QueryLimiter

    public init(servers: [DNSServerAddress], timeout: TimeAmount, attempts: Int, group: any EventLoopGroup, maxInFlight: Int = 128) {
        self.servers = servers
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.group = group
        self.limiter = QueryLimiter(limit: maxInFlight)
    }

    /// The outcome of a query: a decoded answer (any rcode) or why there is none.
    public enum Outcome: Sendable {
        case answer(DNSMessage, server: DNSServerAddress)
        case timeout(String)
        case refused(String)
        case failure(String)
    }

    /// `checkingDisabled` sets the CD bit (RFC 4035 §3.2.2), asked after a SERVFAIL.
    public func query(_ name: String, type: DNSRecordType, checkingDisabled: Bool = false) async -> Outcome {
        await limiter.acquire()
        let outcome = await exchange(name, type: type, checkingDisabled: checkingDisabled)
        await limiter.release()
        return outcome
    }

    func exchange(_ name: String, type: DNSRecordType, checkingDisabled: Bool) async -> Outcome {
        let id = UInt16.random(in: .min ... .max)
        let query: [UInt8]
        do {
            query = try DNSQueryEncoder.encode(id: id, name: name, type: type, checkingDisabled: checkingDisabled)
        } catch {
            return .failure("\(name.debugDescription) is not a valid DNS name: \(error)")
        }
        var last: Outcome = .failure("no DNS server configured")
        for _ in 0..<attempts {
            for server in servers {
                guard let address = try? server.socketAddress() else {
                    last = .failure("bad server address \(server)")
                    continue
                }
                let outcome = await ask(query: query, id: id, server: server, address: address, name: name, type: type)
                switch outcome {
                case .answer(let message, _):
                    // SERVFAIL and REFUSED: another server may do better (as glibc does).
                    if message.rcode == .servFail || message.rcode == .refused {
                        last = outcome
                        continue
                    }
                    return outcome
                default:
                    last = outcome
                }
            }
        }
        return last
    }

    func ask(query: [UInt8], id: UInt16, server: DNSServerAddress, address: SocketAddress, name: String,
             type: DNSRecordType) async -> Outcome {
        let udp = await DNSUDPExchange.run(query: query, id: id, server: address, timeout: timeout, group: group)
        switch udp {
        case .success(let bytes):
            let message: DNSMessage
            do {
                message = try DNSMessageDecoder.decode(bytes, allowTrailingBytes: true)
            } catch {
                return .failure("malformed answer from \(server): \(error)")
            }
            guard matches(message, name: name, type: type) else {
                return .failure("answer from \(server) does not match the question")
            }
            guard message.isTruncated else { return .answer(message, server: server) }
            let tcp = await DNSTCPExchange.run(query: query, id: id, server: address, timeout: timeout, group: group)
            switch tcp {
            case .success(let bytes):
                guard let full = try? DNSMessageDecoder.decode(bytes, allowTrailingBytes: true) else {
                    return .failure("malformed TCP answer from \(server)")
                }
                return .answer(full, server: server)
            case .failure(let failure):
                return Self.outcome(failure, server: server, transport: "TCP (after a truncated UDP answer)")
            }
        case .failure(let failure):
            return Self.outcome(failure, server: server, transport: "UDP")
        }
    }

    /// RFC 5452 §9.1: the answer must carry our question.
    func matches(_ message: DNSMessage, name: String, type: DNSRecordType) -> Bool {
        guard message.flags.qr else { return false }
        guard let question = message.questions.first else { return message.rcode != .noError }
        let strip = { (s: String) in (s.hasSuffix(".") ? String(s.dropLast()) : s).lowercased() }
        return strip(question.name) == strip(name) && question.type == type
    }

    static func outcome(_ failure: DNSExchangeFailure, server: DNSServerAddress, transport: String) -> Outcome {
        switch failure {
        case .timeout: .timeout("no answer from \(server) over \(transport)")
        case .refused(let text): .refused("\(server) over \(transport): \(text)")
        case .network(let text): .failure("\(server) over \(transport): \(text)")
        case .malformed(let text): .failure("\(server) over \(transport): \(text)")
        }
    }
}
