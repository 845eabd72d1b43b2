import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSProbe
import NIOPosix

/// `mtasts dane …`: DANE for SMTP (RFC 7672).
struct DANECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dane", abstract: "DANE for SMTP: propose TLSA records.", subcommands: [DANETLSACommand.self])
}

/// `mtasts dane tlsa HOST [--pem FILE]... [--live]`: `3 1 1` records for the current and next key.
struct DANETLSACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlsa",
        abstract: "Propose `3 1 1` TLSA records for an MX host: the key it presents now (--live) and the keys of PEM files (the next key).",
        discussion: """
            Each --pem is a certificate (chain), a public key or a private key; --live connects to HOST over \
            SMTP STARTTLS and takes the key the server presents. Prints zone-file lines and the rollover order \
            (RFC 7671 §8.1): publish current + next, wait two TTLs, switch, drop the old one.
            """)

    @Argument(help: "The MX host name.") var host: String
    @Option(name: .customLong("pem"), help: ArgumentHelp("A certificate, public key or private key (repeatable).", valueName: "file"))
    var pems: [String] = []
    @Flag(name: .long, help: "Also take the key the server presents now over STARTTLS.") var live = false
    @Option(name: .long, help: "TTL for the zone lines.") var ttl = 3600
    @OptionGroup var probe: ProbeOptions

    func validate() throws {
        guard DomainList.isDomainName(MXMatcher.normalize(host)) else { throw ValidationError("\(host.debugDescription) is not a host name") }
        guard live || !pems.isEmpty else { throw ValidationError("give --pem FILE (the next key) and/or --live (the key served now)") }
        guard (1...604_800).contains(ttl) else { throw ValidationError("--ttl must be 1…604800 s") }
    }

    func run() async throws {
        var keys: [DANEAuthoring.Key] = []
        if live { keys.append(try await liveKey()) }
        for path in pems {
            let text = String(decoding: try Input.read(path: path, maxSize: 1024 * 1024).bytes, as: UTF8.self)
            do {
                let (spki, label) = try KeyFile.subjectPublicKeyInfo(pem: text)
                keys.append(DANEAuthoring.Key(spkiSHA256: KeyFile.sha256Hex(spki), label: "\(path): \(label)"))
            } catch {
                throw UsageFailure("\(path): \(error)")
            }
        }
        for line in DANEAuthoring.zoneLines(host: host, ttl: ttl, keys: keys) { print(line) }
        print("")
        for (index, step) in DANEAuthoring.steps(keys: Set(keys.map(\.spkiSHA256)).count, ttl: ttl).enumerated() {
            print("\(index + 1). \(step)")
        }
    }

    /// The key the server presents on the first address that completes a STARTTLS handshake.
    func liveKey() async throws -> DANEAuthoring.Key {
        let environment = try probe.makeEnvironment()
        let name = MXMatcher.normalize(host)
        let resolver = environment.checker.resolver
        let addresses = (await resolver.ipv4(name)).records + (await resolver.ipv6(name)).records
        guard !addresses.isEmpty else { throw UsageFailure("\(name) has no address") }
        for address in addresses.prefix(4) {
            let result = await environment.checker.prober.probe(host: name, address: address, port: environment.checker.settings.smtpPort)
            if let leaf = result.tls?.leaf, let digest = leaf.spkiSHA256 {
                return DANEAuthoring.Key(spkiSHA256: digest, label: "served now by \(address): \(leaf.subject)")
            }
        }
        throw UsageFailure("no address of \(name) completed a STARTTLS handshake")
    }
}
