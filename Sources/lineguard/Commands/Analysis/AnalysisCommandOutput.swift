import ArgumentParser
import Daemon
import Foundation

/// Where the analysis commands print, and how a bad input ends: message on stderr, exit 2.
enum AnalysisCommandOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs `body`; an `AnalysisError` becomes "lineguard NAME: message" on stderr and exit code 2.
    static func run(_ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as AnalysisError {
            standardError("lineguard \(name): \(error)")
            throw ExitCode(2)
        }
    }
}
