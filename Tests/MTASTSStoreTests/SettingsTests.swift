import Testing
import MTASTSStore

@Suite("workspace settings")
struct SettingsTests {
    @Test("set, overwrite, read, remove")
    func settings() throws {
        let workspace = try Workspace.inMemory()
        #expect(try workspace.setting("resolver") == nil)
        try workspace.set("resolver", value: "192.0.2.53")
        try workspace.set("soak-days", value: "14")
        try workspace.set("resolver", value: "system")
        #expect(try workspace.setting("resolver") == "system")
        #expect(try workspace.settings() == ["resolver": "system", "soak-days": "14"])
        try workspace.set("resolver", value: nil)
        #expect(try workspace.setting("resolver") == nil)
        #expect(try workspace.settings() == ["soak-days": "14"])
    }
}
