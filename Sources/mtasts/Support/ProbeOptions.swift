import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSProbe
import NIOPosix

/// Options shared by every command that touches the network.
struct ProbeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Ask this DNS server (IP, IP:PORT or [IPv6]:PORT) instead of /etc/resolv.conf.", valueName: "server"))
    var resolver: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp(
        "Also trust the CA certificates in this PEM file (repeatable).", valueName: "pem"))
    var caFiles: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seconds allowed for each network step (connect, reply, handshake).", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: "Domains checked at once.")
    var concurrency: Int = 16

    @Option(name: .customLong("smtp-port"), help: "SMTP port of MX hosts (labs).")
    var smtpPort: Int = 25

    @Option(name: .customLong("https-port"), help: "HTTPS port of policy hosts (labs; senders always use 443).")
    var httpsPort: Int = 443

    func validate() throws {
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 1024") }
        guard (1...65535).contains(smtpPort), (1...65535).contains(httpsPort) else {
            throw ValidationError("ports must be between 1 and 65535")
        }
        if let resolver { _ = try parsedResolver(resolver) }
    }

    func parsedResolver(_ text: String) throws -> DNSServerAddress {
        do { return try DNSServerAddress.parse(text) } catch { throw ValidationError("--resolver: \(error)") }
    }

    var settings: ProbeSettings {
        var settings = ProbeSettings()
        settings.connectTimeout = min(timeout, 10)
        settings.stepTimeout = timeout
        settings.totalTimeout = timeout * 3
        settings.dnsTimeout = min(timeout, 3)
        settings.smtpPort = smtpPort
        settings.httpsPort = httpsPort
        settings.concurrency = concurrency
        return settings
    }

    struct Environment {
        var checker: DomainChecker
        var bulk: BulkChecker
    }

    func makeEnvironment() throws -> Environment {
        let roots: TrustRoots
        do { roots = try TrustRoots.load(caFiles: caFiles) } catch { throw UsageFailure("\(error)") }
        let group = MultiThreadedEventLoopGroup.singleton
        let settings = self.settings
        let resolver = DNSResolver.make(server: try self.resolver.map(parsedResolver), settings: settings, group: group)
        let checker = DomainChecker(
            resolver: resolver,
            fetcher: PolicyFetcher(group: group, settings: settings, roots: roots),
            prober: SMTPProber(group: group, settings: settings, roots: roots),
            settings: settings)
        return Environment(checker: checker, bulk: BulkChecker(checker: checker, concurrency: concurrency))
    }
}

/// Domains from arguments, a file, or standard input.
enum DomainList {
    static func read(arguments: [String], file: String?) throws -> [String] {
        var lines = arguments
        if let file {
            let input = try Input.read(path: file, maxSize: 64 * 1024 * 1024)
            lines += String(decoding: input.bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        } else if arguments.isEmpty {
            if isatty(STDIN_FILENO) == 1 { throw UsageFailure("give domains as arguments, with --file, or on standard input") }
            let input = try Input.read(path: "-", maxSize: 64 * 1024 * 1024)
            lines += String(decoding: input.bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        }
        var seen: Set<String> = []
        var domains: [String] = []
        for line in lines {
            let text = String(line.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let domain = MXMatcher.normalize(text)
            guard isDomainName(domain) else { throw UsageFailure("\(text.debugDescription) is not a domain name") }
            if seen.insert(domain).inserted { domains.append(domain) }
        }
        guard !domains.isEmpty else { throw UsageFailure("no domain to check") }
        return domains
    }

    /// LDH labels, at least two, at most 253 characters (RFC 1035 §2.3.1; U-labels refused).
    static func isDomainName(_ name: String) -> Bool {
        guard name.count <= 253 else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }
}
