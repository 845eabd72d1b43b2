import Foundation
import MTASTSCore
import TerminalUI

/// A status message with a level; info clears itself, errors stay until a key is pressed.
public struct Flash: Sendable, Equatable {
    public enum Level: Sendable { case info, warning, error }
    public var level: Level
    public var text: String
    public var expires: Date?
}
