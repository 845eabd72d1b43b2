import ArgumentParser
import Foundation
import MTASTSApp
import MTASTSCore
import MTASTSStore
import TerminalUI

/// `mtasts bench-ui` (hidden): the terminal UI's costs over a large workspace, without a
/// terminal. Fills a workspace with recorded observations (`DemoWorld.bulk`), then
/// times what an operator waits for: the first frame (open the workspace, load every row,
/// render), a filter typed key by key, a frame render, scrolling a page; and the peak memory.
struct BenchUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ui",
        abstract: "Time the terminal UI over a workspace of N recorded domains (first frame, filter, render, memory).",
        shouldDisplay: false)

    @Option(name: .long, help: "Number of domains.")
    var domains = 10_000

    @Option(name: .long, help: "Workspace file to use; filled when it holds fewer domains (default: a temporary file).")
    var workspace: String?

    @Option(name: .long, help: "Terminal size, COLUMNSxROWS.")
    var size = "200x60"

    @Option(name: .long, help: "Filter to type.")
    var filter = "status:fail"

    @Option(name: .long, help: "Frames to render for the render timing.")
    var frames = 200

    func run() throws {
        let (width, height) = try parsedSize()
        let temporary = workspace == nil
        let path = workspace ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("mtasts-bench-ui-\(UUID().uuidString).sqlite").path
        defer {
            if temporary {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let fillSeconds = try fill(path: path)
        let clock = ContinuousClock()

        // First frame: what `mtasts` does before the first paint.
        var state = AppState(options: AppOptions(refreshInterval: nil), width: width, height: height, now: Date())
        var canvas = Canvas(width: 1, height: 1)
        let firstFrame = try clock.measure {
            let opened = try Workspace.open(path: path)
            let rows = try WorkspaceRows.load(from: opened, now: Date())
            _ = AppUpdate.update(&state, .loaded(rows))
            canvas = AppView.render(state)
        }
        let firstScreen = canvas.lines.prefix(3).joined(separator: "\n")

        // A filter typed key by key, each key re-filtering and re-rendering.
        let keys = [Key.character("/")] + filter.map { Key.character($0) } + [Key.enter]
        let filtering = clock.measure {
            for key in keys {
                _ = AppUpdate.update(&state, .key(key))
                canvas = AppView.render(state)
            }
        }
        let shown = state.visible.count
        _ = AppUpdate.update(&state, .key(.escape))

        // A frame with nothing changed, and a page down with its frame.
        let render = clock.measure {
            for _ in 0..<frames { canvas = AppView.render(state) }
        }
        let paging = clock.measure {
            for _ in 0..<frames {
                _ = AppUpdate.update(&state, .key(.pageDown))
                canvas = AppView.render(state)
            }
        }
        print("""
            domains \(state.rows.count), terminal \(width)x\(height), workspace filled in \(Self.format(fillSeconds)) s
            first frame (open, load rows, render)  \(Self.milliseconds(firstFrame)) ms
            filter "\(filter)" typed (\(keys.count) keys)  \(Self.milliseconds(filtering)) ms total, \
            \(Self.milliseconds(filtering / keys.count)) ms per key, \(shown) rows shown
            render one frame                    \(Self.milliseconds(render / frames)) ms (mean of \(frames))
            page down + render                  \(Self.milliseconds(paging / frames)) ms (mean of \(frames))
            peak RSS \(Self.format(PeakMemory.mebibytes)) MiB
            first lines of the first frame:
            \(firstScreen)
            """)
    }

    /// Adds `domains` domains with one recorded observation each, when the file has fewer.
    private func fill(path: String) throws -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let store = try Workspace.open(path: path)
            let existing = try store.domainSummaries().count
            guard existing < domains else { return }
            let observations = DemoWorld.bulk(count: domains, now: Date())
            _ = try store.add(domains: observations.map(\.domain))
            var batch: [Observation] = []
            for observation in observations {
                batch.append(observation)
                if batch.count == 1000 {
                    _ = try store.save(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = try store.save(batch) }
        }
        return elapsed.seconds
    }

    private func parsedSize() throws -> (Int, Int) {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 20, parts[1] >= 5 else {
            throw ValidationError("--size must be COLUMNSxROWS, e.g. 80x24")
        }
        return (parts[0], parts[1])
    }

    private static func milliseconds(_ duration: Duration) -> String { String(format: "%.2f", duration.seconds * 1000) }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
