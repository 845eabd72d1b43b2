import Foundation
import Testing
import GRDB
@testable import MTASTSStore

@Suite("domains in the workspace")
struct DomainTests {
    @Test("add reports added, already present and invalid names; names are normalised")
    func add() throws {
        let workspace = try Workspace.inMemory()
        let first = try workspace.add(domains: ["B.example.", "a.example", "not a domain", "b.example"], note: "batch 1",
                                      at: StoreFixture.now)
        #expect(first.added == ["b.example", "a.example"])
        #expect(first.existing == ["b.example"])
        #expect(first.invalid == ["not a domain"])
        let second = try workspace.add(domains: ["a.example", "c.example"])
        #expect(second == DomainAddition(added: ["c.example"], existing: ["a.example"]))
        let domains = try workspace.domains()
        #expect(domains.map(\.name) == ["a.example", "b.example", "c.example"])
        #expect(domains[0] == WorkspaceDomain(name: "a.example", addedAt: StoreFixture.now, note: "batch 1"))
        #expect(domains[2].note == nil)
        #expect(try workspace.domain("A.EXAMPLE.")?.name == "a.example")
        #expect(try workspace.domainCount() == 3)
    }

    @Test("adding only invalid names writes nothing")
    func onlyInvalid() throws {
        let workspace = try Workspace.inMemory()
        #expect(try workspace.add(domains: ["", "x"]) == DomainAddition(invalid: ["", "x"]))
        #expect(try workspace.domains().isEmpty)
    }

    @Test("remove deletes the domain with its observations and payloads (ON DELETE CASCADE)")
    func removeCascades() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example", "b.example"])
        try workspace.save([StoreFixture.observation("a.example"), StoreFixture.observation("b.example"),
                            StoreFixture.observation("a.example", at: StoreFixture.now + 60)])
        let result = try workspace.remove(domains: ["A.example", "z.example", "??"])
        #expect(result == DomainRemoval(removed: ["a.example"], missing: ["z.example"], invalid: ["??"]))
        #expect(try workspace.domains().map(\.name) == ["b.example"])
        #expect(try workspace.observations(domain: "a.example").isEmpty)
        #expect(try workspace.observationCount() == 1)
        let payloads = try workspace.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM observation_payloads") }
        #expect(payloads == 1)
        #expect(try workspace.remove(domain: "b.example"))
        #expect(try !workspace.remove(domain: "b.example"))
        #expect(try workspace.observationCount() == 0)
    }
}
