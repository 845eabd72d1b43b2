import Foundation
import TerminalUI

/// The UI loop: paint, wait up to 50 ms for a key, apply messages, start effects. The loop
/// never waits on the network: effects run in tasks and come back through the inbox.
public final class AppRuntime {
    let terminal: NcursesTerminal
    let runner: EffectRunner
    let inbox = Inbox()
    var state: AppState
    let colour: Bool
    /// The frame on the terminal; `nil` makes the next paint a full one.
    var lastFrame: Canvas?

    public init(services: any AppServices, options: AppOptions, colour: Bool) {
        terminal = NcursesTerminal()
        runner = EffectRunner(services: services, inbox: inbox)
        state = AppState(options: options, width: 80, height: 24, now: Date())
        self.colour = colour
    }

    /// Runs until the user quits; the terminal is restored on every way out.
    public func run() {
        terminal.start(options: .init(colour: colour))
        defer { terminal.stop() }
        if !terminal.isUTF8 { state.options.ascii = true }
        let size = terminal.size
        state.width = size.width
        state.height = size.height
        runner.load()
        let start = Date()
        while !state.quitRequested {
            let now = Date()
            apply(.tick(now: now, milliseconds: Int(now.timeIntervalSince(start) * 1000)))
            for message in inbox.drain() { apply(message) }
            let frame = AppView.render(state)
            if frame != lastFrame {
                terminal.draw(frame)
                lastFrame = frame
            }
            if let key = terminal.nextKey(timeoutMilliseconds: 50) {
                apply(.key(key))
                // Drain keys typed ahead (paste, fast typing) before the next paint.
                while let more = terminal.nextKey(timeoutMilliseconds: 0) { apply(.key(more)) }
            }
        }
    }

    func apply(_ message: Message) {
        for effect in AppUpdate.update(&state, message) {
            if effect == .redraw {
                terminal.repaintAll()
                lastFrame = nil
            } else {
                runner.run(effect)
            }
        }
    }
}
