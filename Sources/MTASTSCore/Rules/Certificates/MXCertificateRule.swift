/// Each MX host's certificate, per RFC 8461 §4.2: valid for the MX host name, chaining to a
/// trusted root, not expired. One finding per host and problem; the addresses go in evidence.
struct MXCertificateRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        var out: [Finding] = []
        for host in context.observation.mxHosts {
            var byCode: [FindingCode: (finding: Finding, addresses: [String])] = [:]
            var order: [FindingCode] = []
            for probe in host.probes {
                guard let tls = probe.tls else { continue }
                for finding in CertificateChecks.findings(
                    tls: tls, host: host.host, where: "", now: context.now, codes: CertificateChecks.mxCodes)
                {
                    if byCode[finding.code] == nil {
                        byCode[finding.code] = (finding, [])
                        order.append(finding.code)
                    }
                    byCode[finding.code]!.addresses.append(probe.address)
                }
            }
            for code in order {
                var (finding, addresses) = byCode[code]!
                finding.evidence += " (at \(addresses.joined(separator: ", ")))"
                out.append(finding)
            }
        }
        return out
    }
}
