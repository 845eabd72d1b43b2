import ArgumentParser
import Foundation

/// Options shared by every command that prints a result.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set or stdout is not a terminal).")
    var noColor = false

    @Flag(name: .long, help: "ASCII symbols only ([ok] [!!] [XX] instead of ✓ ⚠ ✗).")
    var ascii = false

    var style: TextStyle {
        let env = ProcessInfo.processInfo.environment
        let colourAllowed = !noColor && (env["NO_COLOR"] ?? "").isEmpty && isatty(STDOUT_FILENO) == 1
            && env["TERM"] != "dumb"
        return TextStyle(colour: colourAllowed, ascii: ascii)
    }
}
