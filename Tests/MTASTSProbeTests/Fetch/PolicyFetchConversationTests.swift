import MTASTSCore
import Testing
@testable import MTASTSProbe

/// The policy fetch as a state machine: events in, actions out, no channel, no clock.
@Suite("Policy fetch conversation")
struct PolicyFetchConversationTests {
    typealias Conversation = PolicyFetchConversation

    static func conversation(step: Double = 10, total: Double = 30, maxBody: Int = 64) -> Conversation {
        Conversation(limits: .init(stepSeconds: step, totalSeconds: total, maxBodyBytes: maxBody))
    }

    /// A conversation that is waiting for the head (TCP up, handshake done, request sent).
    static func awaitingHead(maxBody: Int = 64) -> Conversation {
        var c = conversation(maxBody: maxBody)
        _ = c.channelActive()
        _ = c.handshakeCompleted(tlsVersion: "TLSv1.3")
        return c
    }

    /// The outcome of the `.finish` action among `actions`.
    static func outcome(_ actions: [Conversation.Action]) -> FetchOutcome? {
        for case .finish(let outcome) in actions { return outcome }
        return nil
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("the whole exchange: handshake timer, request, head, body in parts, end, polite close")
    func happyPath() throws {
        var c = Self.conversation()
        #expect(c.phase == .connect)
        #expect(c.channelActive() == [.startStepTimer])
        #expect(c.phase == .handshake)
        #expect(c.handshakeCompleted(tlsVersion: "TLSv1.3") == [.sendRequest, .startStepTimer])
        #expect(c.phase == .response)
        #expect(!c.headReceived)
        #expect(c.head(status: 200, headers: [NameValue(name: "Content-Type", value: "text/plain")]) == [.startStepTimer])
        #expect(c.headReceived)
        #expect(c.bodyPart(Self.bytes("version: STSv1\r\n")) == [.startStepTimer], "each body read restarts the step")
        #expect(c.bodyPart(Self.bytes("mode: testing\r\n")) == [.startStepTimer])
        let actions = c.end()
        #expect(actions.first == .close(.polite))
        let outcome = try #require(Self.outcome(actions))
        #expect(outcome.failure == nil)
        #expect(outcome.status == 200)
        #expect(outcome.headers == [NameValue(name: "Content-Type", value: "text/plain")])
        #expect(outcome.body == Self.bytes("version: STSv1\r\nmode: testing\r\n"))
        #expect(!outcome.bodyTruncated)
        #expect(outcome.handshakeCompleted)
        #expect(outcome.tlsVersion == "TLSv1.3")
        #expect(outcome.redirectLocation == nil)
        #expect(c.isFinished)
        #expect(c.end() == [] && c.closed() == [] && c.stepTimedOut() == [] && c.removed() == [], "finished once")
    }

    @Test("a 3xx records Location, whatever its case, and is complete without following it")
    func redirect() throws {
        var c = Self.awaitingHead()
        _ = c.head(status: 302, headers: [NameValue(name: "location", value: "https://elsewhere.example/p")])
        let outcome = try #require(Self.outcome(c.end()))
        #expect(outcome.status == 302)
        #expect(outcome.redirectLocation == "https://elsewhere.example/p")
        #expect(outcome.body == [])
        #expect(outcome.failure == nil)
    }

    @Test("a Location on a non-3xx is not a redirect")
    func locationOn200() throws {
        var c = Self.awaitingHead()
        _ = c.head(status: 200, headers: [NameValue(name: "Location", value: "/x")])
        #expect(try #require(Self.outcome(c.end())).redirectLocation == nil)
    }

    @Test("a body of exactly the limit is complete; one byte more is cut at the limit and dropped at once")
    func bodyCap() throws {
        var exact = Self.awaitingHead(maxBody: 8)
        _ = exact.head(status: 200, headers: [])
        #expect(exact.bodyPart(Self.bytes("1234")) == [.startStepTimer])
        #expect(exact.bodyPart(Self.bytes("5678")) == [.startStepTimer])
        let complete = try #require(Self.outcome(exact.end()))
        #expect(complete.body == Self.bytes("12345678") && !complete.bodyTruncated)

        var over = Self.awaitingHead(maxBody: 8)
        _ = over.head(status: 200, headers: [])
        _ = over.bodyPart(Self.bytes("1234"))
        let actions = over.bodyPart(Self.bytes("56789"))
        #expect(actions.first == .close(.immediately), "nothing more is read")
        let cut = try #require(Self.outcome(actions))
        #expect(cut.body == Self.bytes("12345678"))
        #expect(cut.bodyTruncated)
        #expect(cut.failure == nil, "a truncated body is evidence, not a fetch failure")
        #expect(over.bodyPart(Self.bytes("more")) == [])
    }

    @Test("101 ends the exchange at the head: there is no body")
    func switchingProtocols() throws {
        var c = Self.awaitingHead()
        let outcome = try #require(Self.outcome(c.head(status: 101, headers: [])))
        #expect(outcome.status == 101 && outcome.body == [] && outcome.failure == nil)
    }

    @Test("the step timer names the step that did not happen, at the stage it stopped")
    func stepTimeouts() throws {
        var handshake = Self.conversation(step: 2)
        _ = handshake.channelActive()
        #expect(Self.outcome(handshake.stepTimedOut())?.failure
            == ProbeFailure(stage: .handshake, kind: .timeout, message: "no TLS handshake completed within 2 s"))

        var head = Self.awaitingHead()
        #expect(Self.outcome(head.stepTimedOut())?.failure
            == ProbeFailure(stage: .response, kind: .timeout, message: "no response head received within 10 s"))

        var body = Self.conversation(step: 1.5)
        _ = body.channelActive()
        _ = body.handshakeCompleted(tlsVersion: nil)
        _ = body.head(status: 200, headers: [])
        _ = body.bodyPart(Self.bytes("partial"))
        let actions = body.stepTimedOut()
        #expect(actions.first == .close(.immediately))
        let outcome = try #require(Self.outcome(actions))
        #expect(outcome.failure == ProbeFailure(stage: .body, kind: .timeout, message: "no body data received within 1.5 s"))
        #expect(outcome.body == Self.bytes("partial"), "what arrived is kept")
        #expect(outcome.status == 200)
    }

    @Test("the total budget stops any stage, and says which")
    func totalTimeout() throws {
        var c = Self.conversation(total: 3)
        _ = c.channelActive()
        _ = c.handshakeCompleted(tlsVersion: nil)
        _ = c.head(status: 200, headers: [])
        let outcome = try #require(Self.outcome(c.totalTimedOut()))
        #expect(outcome.failure == ProbeFailure(
            stage: .body, kind: .timeout, message: "the fetch did not complete within its total budget of 3 s (stopped during body)"))

        var connecting = Self.conversation(total: 3)
        #expect(Self.outcome(connecting.totalTimedOut())?.failure?.stage == .connect)
    }

    @Test("an EOF is `closed` with what was missing")
    func closedEarly() throws {
        var handshake = Self.conversation()
        _ = handshake.channelActive()
        #expect(Self.outcome(handshake.closed())?.failure
            == ProbeFailure(stage: .handshake, kind: .closed, message: "the server closed the connection during the TLS handshake"))

        var head = Self.awaitingHead()
        #expect(Self.outcome(head.closed())?.failure
            == ProbeFailure(stage: .response, kind: .closed, message: "the server closed the connection before a complete response head"))

        var body = Self.awaitingHead()
        _ = body.head(status: 200, headers: [])
        _ = body.bodyPart(Self.bytes("short"))
        let outcome = try #require(Self.outcome(body.closed()))
        #expect(outcome.failure == ProbeFailure(
            stage: .body, kind: .closed, message: "the server closed the connection before the end of the body (5 bytes read)"))
        #expect(outcome.body == Self.bytes("short"))
    }

    @Test("an error is recorded at the current stage; errors after the end change nothing")
    func errors() throws {
        var c = Self.awaitingHead()
        #expect(c.stage == .response)
        let actions = c.failed(.protocolViolation, "the answer is not HTTP/1.1")
        #expect(actions.first == .close(.immediately))
        #expect(Self.outcome(actions)?.failure == ProbeFailure(stage: .response, kind: .protocolViolation, message: "the answer is not HTTP/1.1"))
        #expect(c.failed(.reset, "late") == [])
        #expect(c.totalTimedOut() == [])
    }

    @Test("removal before the connection is up reports nothing (the caller has the connect error); later it is `closed`")
    func removed() throws {
        var connecting = Self.conversation()
        #expect(connecting.removed() == [])
        var handshake = Self.conversation()
        _ = handshake.channelActive()
        #expect(Self.outcome(handshake.removed())?.failure
            == ProbeFailure(stage: .handshake, kind: .closed, message: "the connection went away during handshake"))
    }

    @Test("events out of order are ignored: no head before the request, no body before the head, one handshake")
    func outOfOrder() {
        var c = Self.conversation()
        #expect(c.handshakeCompleted(tlsVersion: nil) == [], "no handshake before the TCP connection")
        _ = c.channelActive()
        #expect(c.channelActive() == [])
        #expect(c.head(status: 200, headers: []) == [], "no head before the request")
        #expect(c.bodyPart(Self.bytes("x")) == [] && c.end() == [])
        _ = c.handshakeCompleted(tlsVersion: nil)
        #expect(c.handshakeCompleted(tlsVersion: nil) == [], "the request is sent once")
        #expect(c.bodyPart(Self.bytes("x")) == [], "no body before the head")
        #expect(c.end() == [])
        #expect(!c.isFinished)
    }
}
