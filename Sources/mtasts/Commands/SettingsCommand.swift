import ArgumentParser
import Foundation
import MTASTSStore

/// `mtasts settings [KEY [VALUE]] [--unset]`: the workspace's settings. Only known keys are
/// accepted, each checked before it is stored, so a typo never becomes a silent no-op.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the workspace's settings.",
        discussion: """
            Without arguments every known setting is listed with its value. With KEY, its value; \
            with KEY VALUE, the new value; --unset removes it. Keys:
            \(WorkspaceSettingKey.all.map { "  \($0.name): \($0.help)" }.joined(separator: "\n"))
            """)

    @Argument(help: "A setting's key.") var key: String?
    @Argument(help: "Its new value.") var value: String?
    @Flag(name: .long, help: "Remove the setting.") var unset = false
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if unset && (key == nil || value != nil) { throw ValidationError("--unset takes a KEY and no VALUE") }
    }

    func run() throws {
        let store = try workspace.open()
        guard let key else {
            let values = try store.settings()
            let listed = WorkspaceSettingKey.all.map { (key: $0.name, value: values[$0.name]) }
            if output.json {
                try JSONOutput.print(Dictionary(uniqueKeysWithValues: listed.map { ($0.key, $0.value) }))
            } else {
                for entry in listed { print("\(entry.key)  \(entry.value ?? "(unset)")") }
            }
            return
        }
        guard let known = WorkspaceSettingKey.all.first(where: { $0.name == key }) else {
            throw UsageFailure("unknown setting \(key.debugDescription); known: \(WorkspaceSettingKey.all.map(\.name).joined(separator: ", "))")
        }
        if unset {
            try store.set(key, value: nil)
        } else if let value {
            try store.set(key, value: try known.check(value))
        }
        let current = try store.setting(key)
        if output.json {
            try JSONOutput.print([key: current])
        } else {
            print("\(key)  \(current ?? "(unset)")")
        }
    }
}

/// A setting the tool reads, with its check.
struct WorkspaceSettingKey: Sendable {
    var name: String
    var help: String
    /// Returns the value to store, or throws why it is unusable.
    var check: @Sendable (String) throws -> String

    static let all: [WorkspaceSettingKey] = [
        WorkspaceSettingKey(
            name: Workspace.webrootSetting,
            help: "directory where planned policy files are written as DIR/DOMAIN/.well-known/mta-sts.txt",
            check: { value in
                let path = (value as NSString).expandingTildeInPath
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw UsageFailure("\(value) is not a directory")
                }
                return URL(fileURLWithPath: path).standardizedFileURL.path
            }),
    ]
}
