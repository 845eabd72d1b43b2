import NIOConcurrencyHelpers

/// Messages posted by effects running on other threads, drained by the UI loop.
final class Inbox: Sendable {
    private struct State {
        var messages: [Message] = []
        var inFlight = 0
    }

    private let state = NIOLockedValueBox(State())

    func post(_ message: Message) {
        state.withLockedValue { $0.messages.append(message) }
    }

    func drain() -> [Message] {
        state.withLockedValue { state in
            let out = state.messages
            state.messages = []
            return out
        }
    }

    /// Effects still running (tests wait for zero, like lazygit's waitTillIdle).
    func begin() {
        state.withLockedValue { $0.inFlight += 1 }
    }

    func end() {
        state.withLockedValue { $0.inFlight -= 1 }
    }

    var isIdle: Bool {
        state.withLockedValue { $0.inFlight == 0 && $0.messages.isEmpty }
    }
}
