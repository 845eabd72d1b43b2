import Foundation

/// Messages posted by effects running on other threads, drained by the UI loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private var inFlight = 0

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages = []
        return out
    }

    /// Effects still running (tests wait for zero, like lazygit's waitTillIdle).
    func begin() {
        lock.lock()
        inFlight += 1
        lock.unlock()
    }

    func end() {
        lock.lock()
        inFlight -= 1
        lock.unlock()
    }

    var isIdle: Bool {
        lock.lock()
        defer { lock.unlock() }
        return inFlight == 0 && messages.isEmpty
    }
}
