import NIOCore

/// A DNS server given as `IP`, `IP:PORT`, `[IPv6]:PORT` or a bare IPv6 address.
public struct DNSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int = 53) {
        self.host = host
        self.port = port
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ text: String) throws -> DNSServerAddress {
        let bad = ParseError(description: "\(text.debugDescription) is not IP, IP:PORT or [IPv6]:PORT")
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw bad }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            var port = 53
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()), (1...65535).contains(value) else { throw bad }
                port = value
            }
            guard (try? SocketAddress(ipAddress: host, port: port)) != nil else { throw bad }
            return DNSServerAddress(host: host, port: port)
        }
        let colons = text.filter { $0 == ":" }.count
        if colons == 1 {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port),
                (try? SocketAddress(ipAddress: String(parts[0]), port: port)) != nil
            else { throw bad }
            return DNSServerAddress(host: String(parts[0]), port: port)
        }
        guard (try? SocketAddress(ipAddress: text, port: 53)) != nil else { throw bad }
        return DNSServerAddress(host: text, port: 53)
    }

    func socketAddress() throws -> SocketAddress {
        let host = host.split(separator: "%").first.map(String.init) ?? host
        return try SocketAddress(ipAddress: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
