import Foundation
import Testing

@Suite("README stays true")
struct DocumentationTests {
    @Test("every finding code of `mtasts codes` is in the README's table, and no other")
    func codesDocumented() throws {
        let result = try CLIRunner.run(["codes", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let codes = Set(entries.compactMap { $0["code"] as? String })
        #expect(codes.count == entries.count, "codes are unique")
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let documented = Set(readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let code = line.dropFirst(3).prefix { $0 != "`" }
            return code.contains(".") && !code.contains(" ") ? String(code) : nil
        })
        #expect(codes.subtracting(documented).sorted() == [], "codes missing from README")
        #expect(documented.subtracting(codes).sorted() == [], "README lists codes the tool does not have")
    }
}
