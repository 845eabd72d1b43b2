import CNcurses
import Foundation

/// The ncurses backend: paints a `Canvas` and turns input into `Key`s. It owns the terminal
/// from `start()` to `stop()`, and restores it on SIGTERM/SIGHUP too. Main thread only.
public final class NcursesTerminal {
    public struct Options: Sendable {
        public var colour: Bool
        public var mouse: Bool
        public init(colour: Bool = true, mouse: Bool = false) {
            self.colour = colour
            self.mouse = mouse
        }
    }

    public private(set) var scheme = ColorScheme(kind: .monochrome)
    public private(set) var isUTF8 = true
    private var started = false
    private var signalSources: [any DispatchSourceSignal] = []

    public init() {}

    /// Puts the terminal in full-screen raw mode. `setlocale` runs first (NOTES.md); a non-UTF-8
    /// locale falls back to `C.UTF-8` for `LC_CTYPE` when it exists.
    public func start(options: Options) {
        setlocale(LC_ALL, "")
        if cn_locale_is_utf8() == 0 {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        }
        isUTF8 = cn_locale_is_utf8() != 0
        initscr()
        started = true
        raw()  // Ctrl-C arrives as a key: the app quits cleanly and restores the terminal.
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)  // ESC alone is fast (the default is 1000 ms).
        // Home/End as tmux and rxvt send them, whatever TERM's terminfo lists.
        for (sequence, code) in KeyDecoder.curses { _ = define_key(sequence, code) }
        curs_set(0)
        let hasColours = has_colors()
        if options.colour && hasColours {
            start_color()
            scheme = ColorScheme(kind: .colour)
        } else {
            scheme = ColorScheme(kind: .monochrome)
        }
        scheme.install()
        installSignalHandlers()
    }

    /// Restores the terminal; safe to call twice.
    public func stop() {
        guard started else { return }
        started = false
        curs_set(1)
        endwin()
        for source in signalSources { source.cancel() }
        signalSources = []
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(cn_stdscr())), Int(getmaxy(cn_stdscr())))
    }

    /// Paints the whole canvas (curses sends only what changed).
    public func draw(_ canvas: Canvas) {
        erase()
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let style = canvas[x, y].style
                var run: [wchar_t] = []
                let startX = x
                while x < canvas.width, canvas[x, y].style == style {
                    let cell = canvas[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                // Curses scrolls when the bottom-right cell is written; leave it out.
                if y == canvas.height - 1 && x == canvas.width && !run.isEmpty { run.removeLast() }
                run.append(0)
                _ = cn_put(Int32(y), Int32(startX), run, scheme.attributes(style))
            }
        }
        if let cursor = canvas.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Makes the next ``draw(_:)`` clear the terminal and send every cell (`C-l`, as htop, mutt
    /// and vim do): whatever garbled the screen behind curses' back is gone.
    public func repaintAll() {
        clearok(cn_stdscr(), true)
    }

    /// Waits up to `timeoutMilliseconds` for a key (0: do not wait). `nil` when none arrived.
    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(cn_stdscr(), Int32(timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(cn_stdscr(), &character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return KeyDecoder.key(forCode: Int32(character), size: size) }
        let value = UInt32(character)
        if value == 27 {
            // What follows at once is a sequence curses did not match (or Alt-x); a lone ESC
            // is Esc.
            wtimeout(cn_stdscr(), 0)
            var after: [Unicode.Scalar] = []
            while after.count < 8, !KeyDecoder.isComplete(afterEscape: after) {
                var next: wint_t = 0
                let got = wget_wch(cn_stdscr(), &next)
                if got == ERR { break }
                if got == KEY_CODE_YES {
                    // A key curses decoded after the ESC: the ESC was alone.
                    return KeyDecoder.key(forCode: Int32(next), size: size)
                }
                guard let scalar = Unicode.Scalar(UInt32(next)) else { break }
                after.append(scalar)
            }
            return KeyDecoder.key(afterEscape: after)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return KeyDecoder.key(forCharacter: scalar)
    }

    private func installSignalHandlers() {
        for number in [SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.stop()
                exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
