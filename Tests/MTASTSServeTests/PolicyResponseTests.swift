import Foundation
import MTASTSCore
import Testing
@testable import MTASTSServe

/// RFC 8461 §3.3 on the public listener, without sockets.
@Suite("policy hosting rules")
struct PolicyResponseTests {
    static let policy = "version: STSv1\r\nmode: testing\r\nmx: mx.a.test\r\nmax_age: 86400\r\n"
    static let table = PolicyHostTable(plans: [
        RolloutPlan(domain: "A.test", target: .testing, policyText: policy, policyID: "1", createdAt: Date(timeIntervalSince1970: 0)),
        RolloutPlan(domain: "gone.test", target: .removed, policyText: "", policyID: "2", createdAt: Date(timeIntervalSince1970: 0)),
    ])

    @Test("the plan's body, 200, text/plain, for the policy host in any case, with a port or a trailing dot")
    func servesPlanBody() {
        for host in ["mta-sts.a.test", "MTA-STS.A.TEST", "mta-sts.a.test:8443", "mta-sts.a.test."] {
            let answer = PolicyResponse.decide(method: "GET", target: "/.well-known/mta-sts.txt", host: host, table: Self.table)
            #expect(answer.status == 200, "\(host)")
            #expect(answer.body == Self.policy)
            #expect(answer.contentType == "text/plain")
            #expect(!answer.omitsBody)
        }
    }

    @Test("HEAD has the headers and no body")
    func head() {
        let answer = PolicyResponse.decide(method: "HEAD", target: PolicyResponse.path, host: "mta-sts.a.test", table: Self.table)
        #expect(answer.status == 200 && answer.omitsBody)
    }

    @Test("404 for other names, other paths, queries, removed plans; never a redirect")
    func notFound() {
        let cases: [(String, String)] = [
            ("mta-sts.b.test", PolicyResponse.path), ("a.test", PolicyResponse.path), ("mta-sts.gone.test", PolicyResponse.path),
            ("mta-sts.a.test", "/"), ("mta-sts.a.test", "/.well-known/mta-sts.txt?x=1"), ("mta-sts.a.test", "/.well-known/../mta-sts.txt"),
            ("mta-sts.a.test", "/.well-known/MTA-STS.txt"), ("[::1]", PolicyResponse.path),
        ]
        for (host, target) in cases {
            let answer = PolicyResponse.decide(method: "GET", target: target, host: host, table: Self.table)
            #expect(answer.status == 404, "\(host) \(target)")
            #expect(!(300..<400).contains(answer.status))
        }
    }

    @Test("405 with Allow for other methods; 400 without Host")
    func methodsAndHost() {
        let post = PolicyResponse.decide(method: "POST", target: PolicyResponse.path, host: "mta-sts.a.test", table: Self.table)
        #expect(post.status == 405 && post.allow == "GET, HEAD")
        #expect(PolicyResponse.decide(method: "GET", target: PolicyResponse.path, host: nil, table: Self.table).status == 400)
        #expect(PolicyResponse.decide(method: "GET", target: PolicyResponse.path, host: "", table: Self.table).status == 400)
    }
}
