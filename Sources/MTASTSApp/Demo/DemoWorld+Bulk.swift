import Foundation
import MTASTSCore

extension DemoWorld {
    /// `count` recorded domains for benchmarks (`mtasts bench-ui`): names `d00000.bench.example`…,
    /// a realistic mix of stages and faults (most healthy, some expiring or expired MX
    /// certificates, uncovered MX hosts, missing STARTTLS), and MX hosts shared the way hosting
    /// providers share them (a few hundred hosts across all domains). Deterministic.
    public static func bulk(count: Int, now: Date) -> [Observation] {
        let builder = Builder(now: now)
        return (0..<count).map { index in
            let name = String(format: "d%05d.bench.example", index)
            let provider = "mx\(index % 250).provider.example"
            let own = "mx.\(name)"
            switch index % 20 {
            case 0:
                return builder.domain(name, stage: "none", mx: [provider])
            case 1:
                return builder.domain(name, stage: "testing", mx: [own, provider], policyMX: [own])
            case 2:
                return builder.domain(name, stage: "testing", mx: [own], mxCertDays: [own: 9])
            case 3:
                return builder.domain(name, stage: "enforce", mx: [own], mxCertDays: [own: -2])
            case 4:
                return builder.domain(name, stage: "testing", mx: [own], noStartTLS: [own])
            case 5, 6, 7, 8:
                return builder.domain(name, stage: "testing", mx: [provider])
            default:
                return builder.domain(name, stage: "enforce", mx: [provider], signed: index % 3 == 0)
            }
        }
    }
}
