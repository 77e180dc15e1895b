import ArgumentParser
import Daemon
import Foundation

/// How a read command ends: output on stdout; a `FaceError` as "lineguard NAME: message" on
/// stderr with its exit status (1 cannot read, 2 bad arguments, 5 not found).
enum FaceRun {
    static func run(_ name: String, _ body: () throws(FaceError) -> String) throws {
        do throws(FaceError) {
            let output = try body()
            // CSV ends in CRLF, a single Character in Swift: look at the last byte.
            let ended = output.utf8.last == UInt8(ascii: "\n") || output.isEmpty
            FileHandle.standardOutput.write(Data((ended ? output : output + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("lineguard \(name): \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }

    /// Parses an optional time option.
    static func time(_ text: String?, option: String) throws(FaceError) -> Double? {
        guard let text else { return nil }
        return try FaceTime.parse(text, now: FaceStore.now(), option: option)
    }
}
