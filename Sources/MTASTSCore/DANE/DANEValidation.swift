import Foundation

/// Validates each MX host as a DANE sender would (RFC 7672), against the chain each address
/// presented over STARTTLS.
enum DANEValidation {
    static func status(of host: MXHostObservation, mxSecure: Bool, now: Date) -> DANEHostStatus {
        let name = MXMatcher.normalize(host.host)
        let lookup = host.tlsa
        let records = (lookup?.records ?? []).compactMap(TLSARecord.init(presentation:))
        func make(_ state: DANEHostStatus.State, reason: String? = nil, addresses: [DANEHostStatus.AddressResult] = []) -> DANEHostStatus {
            DANEHostStatus(host: name, tlsaBase: host.tlsaBase, state: state, records: records, addresses: addresses, reason: reason)
        }
        guard let lookup else { return make(.notApplicable, reason: "TLSA not looked up in this observation") }
        // RFC 7672 §2.2.1: DANE needs a DNSSEC-secure MX RRset; §2.2.2: secure address records.
        guard mxSecure else { return make(.notApplicable, reason: "the MX RRset is not DNSSEC-secure") }
        let addressLookups = [host.ipv4, host.ipv6].filter { $0.status == .ok }
        guard !addressLookups.isEmpty, addressLookups.allSatisfy({ $0.authenticated == true }) else {
            return make(.notApplicable, reason: "the address records of \(name) are not DNSSEC-secure")
        }
        switch lookup.status {
        case .nxdomain, .nodata: return make(.none)
        case .servfail: return make(.indeterminate)
        case .timeout, .refused, .error: return make(.notApplicable, reason: "the TLSA lookup could not be made")
        case .ok: break
        }
        guard lookup.authenticated == true else { return make(.insecure) }
        let usable = records.filter(\.isUsableForSMTP)
        guard !usable.isEmpty else { return make(.unusable) }
        var results: [DANEHostStatus.AddressResult] = []
        for probe in host.probes {
            guard let tls = probe.tls, !tls.chain.isEmpty else { continue }
            let match = firstMatch(usable, chain: tls.chain, hosts: [name] + (host.tlsaBase.map { [MXMatcher.normalize($0)] } ?? []), now: now)
            results.append(.init(address: probe.address, matched: match?.0, matchedSubject: match?.1))
        }
        if results.isEmpty { return make(.unchecked, addresses: results) }
        return make(results.allSatisfy { $0.matched != nil } ? .validated : .mismatch, addresses: results)
    }

    /// The first usable record that authenticates `chain`:
    /// - DANE-EE(3): the leaf matches; no name or expiry check (RFC 7672 §3.1.1);
    /// - DANE-TA(2): a certificate the server presented above the leaf matches (the server
    ///   must send the trust anchor for digest records, §3.1.2), the presented chain from it down
    ///   to the leaf links issuer to subject, and the leaf names the MX host and is within its
    ///   validity period. (The signatures along that chain are not re-verified here.)
    ///   `hosts` are the names the leaf may carry: the MX host and the TLSA base domain (§3.2.2).
    static func firstMatch(_ records: [TLSARecord], chain: [CertificateInfo], hosts: [String], now: Date) -> (TLSARecord, String)? {
        guard let leaf = chain.first else { return nil }
        for record in records where record.usage == 3 {
            if record.matches(leaf) == true { return (record, leaf.subject) }
        }
        for record in records where record.usage == 2 {
            for (index, certificate) in chain.enumerated().dropFirst() where record.matches(certificate) == true {
                let path = Array(chain[0...index])
                let linked = zip(path, path.dropFirst()).allSatisfy { $0.0.issuer == $0.1.subject }
                let named = hosts.contains { CertificateNameMatcher.matches(certificate: leaf, host: $0) }
                let valid = CertificateClock.validity(notBefore: leaf.notBefore, notAfter: leaf.notAfter, at: now) != .expired
                    && now >= leaf.notBefore
                if linked && named && valid { return (record, certificate.subject) }
            }
        }
        return nil
    }
}
