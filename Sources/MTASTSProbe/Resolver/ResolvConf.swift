import Foundation

/// The system resolver configuration, as glibc reads it (resolv.conf(5)): `nameserver`
/// lines (at most 3 are used), `options timeout:N attempts:N`.
public struct ResolvConf: Sendable, Equatable {
    public var nameservers: [String]
    public var timeoutSeconds: Int?
    public var attempts: Int?

    public init(nameservers: [String], timeoutSeconds: Int? = nil, attempts: Int? = nil) {
        self.nameservers = nameservers
        self.timeoutSeconds = timeoutSeconds
        self.attempts = attempts
    }

    public static func parse(_ text: String) -> ResolvConf {
        var conf = ResolvConf(nameservers: [])
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.prefix { $0 != "#" && $0 != ";" }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = words.first else { continue }
            switch keyword {
            case "nameserver" where words.count >= 2:
                if conf.nameservers.count < 3 {
                    // A scoped IPv6 address (`fe80::1%eth0`) keeps its zone for the socket.
                    conf.nameservers.append(String(words[1]))
                }
            case "options":
                for option in words.dropFirst() {
                    let parts = option.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let value = Int(parts[1]) else { continue }
                    if parts[0] == "timeout" { conf.timeoutSeconds = min(max(value, 1), 30) }
                    if parts[0] == "attempts" { conf.attempts = min(max(value, 1), 5) }
                }
            default: continue
            }
        }
        return conf
    }

    /// Reads `/etc/resolv.conf`; with no nameserver, glibc uses the local host.
    public static func system(path: String = "/etc/resolv.conf") -> ResolvConf {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var conf = parse(text)
        if conf.nameservers.isEmpty { conf.nameservers = ["127.0.0.1"] }
        return conf
    }
}
