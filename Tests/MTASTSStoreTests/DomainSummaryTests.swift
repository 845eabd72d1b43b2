import Foundation
import Testing
import GRDB
import MTASTSCore
@testable import MTASTSStore

@Suite("the domain list query")
struct DomainSummaryTests {
    @Test("one line per domain with its newest observation, nil when never checked")
    func summaries() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["b.example", "a.example", "c.example"], note: "client X")
        try workspace.save([
            StoreFixture.observation("a.example", at: StoreFixture.now, mode: .enforce),
            StoreFixture.observation("a.example", at: StoreFixture.now - 3600, mode: .testing),
            StoreFixture.unpublished("b.example"),
        ])
        let summaries = try workspace.domainSummaries()
        #expect(summaries.map(\.name) == ["a.example", "b.example", "c.example"])
        #expect(summaries[0].latest?.liveStage == .enforce)
        #expect(summaries[0].latest?.observedAt == StoreFixture.now)
        #expect(summaries[1].latest?.liveStage == LiveStage.none)
        #expect(summaries[2].latest == nil)
        #expect(summaries[2].note == "client X")
    }

    @Test("the JSON shape is stable: nulls are written")
    func json() throws {
        let summary = DomainSummary(name: "a.example", addedAt: StoreFixture.now)
        let text = String(decoding: try JSONCoding.encoder(pretty: false).encode(summary), as: UTF8.self)
        #expect(text == #"{"addedAt":"2026-01-15T12:00:00Z","latest":null,"name":"a.example","note":null}"#)
    }

    @Test("the query walks the (domain, time) index: no sort, no scan of observations")
    func queryPlan() throws {
        let workspace = try Workspace.inMemory()
        let plan = try workspace.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Workspace.domainSummariesSQL).map { $0["detail"] as String }
        }
        let text = plan.joined(separator: "\n")
        #expect(text.contains("observations_by_domain_time"), "\(text)")
        #expect(!text.contains("TEMP B-TREE"), "\(text)")
        #expect(!text.contains("SCAN o"), "\(text)")
    }

    @Test("10,000 domains × 2 observations: insert in one transaction, read the list (timings printed)")
    func scale() throws {
        try withTemporaryWorkspace { workspace, directory in
            let count = 10_000
            let names = (0..<count).map { "d\($0).example.net" }
            let (_, addTime) = try measure { try workspace.add(domains: names) }
            let modes: [STSMode] = [.testing, .enforce, .none]
            let observations = names.enumerated().flatMap { index, name -> [Observation] in
                let later = StoreFixture.now + Double(index % 600)
                return index % 4 == 3
                    ? [StoreFixture.unpublished(name, at: later - StoreFixture.day), StoreFixture.unpublished(name, at: later)]
                    : [StoreFixture.observation(name, at: later - StoreFixture.day, mode: .testing),
                       StoreFixture.observation(name, at: later, mode: modes[index % 3])]
            }
            let encoder = JSONCoding.encoder(pretty: false)
            let (_, prepareTime) = try measure { try observations.map { try ObservationRow($0, encoder: encoder) } }
            let (_, saveTime) = try measure { try workspace.save(observations) }
            let (summaries, readTime) = try measure { try workspace.domainSummaries() }
            let (_, readAgainTime) = try measure { try workspace.domainSummaries() }
            let (_, latestTime) = try measure { try workspace.latestObservation(domain: "d5000.example.net") }
            try workspace.checkpoint()
            let size = try FileManager.default.attributesOfItem(atPath: directory.path("workspace.sqlite"))[.size] as? Int ?? 0

            #expect(summaries.count == count)
            #expect(summaries.allSatisfy { $0.latest?.observedAt ?? .distantPast > StoreFixture.now - 3600 })
            #expect(try workspace.observationCount() == 2 * count)
            let ms = { (seconds: Double) in String(format: "%.0f ms", seconds * 1000) }
            print("""
                workspace scale (\(count) domains, \(observations.count) observations):
                  add \(count) domains (1 tx):        \(ms(addTime))
                  save \(observations.count) observations (1 tx): \(ms(saveTime)) \
                (of which evaluate + JSON encode ≈ \(ms(prepareTime)))
                  domainSummaries() \(count) rows:   \(ms(readTime)) (again: \(ms(readAgainTime)))
                  latestObservation (decode JSON):   \(ms(latestTime))
                  file size after checkpoint:         \(size / 1024) KiB (\(size / observations.count) bytes per observation)
                """)
        }
    }
}

