import Foundation
import MTASTSCore

enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let data = try JSONCoding.encoder().encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
