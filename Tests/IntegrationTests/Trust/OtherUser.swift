import Foundation

/// Runs a program as `nobody` with chosen supplementary groups (root only, through
/// util-linux's `setpriv`), to see what a process outside (or inside) a group may do.
enum OtherUser {
    static let setpriv = "/usr/bin/setpriv"

    /// True when this process is root, setpriv exists and `nobody` can run the binary under test.
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return false }
        return (try? run(LineGuardProcess.binary, ["--version"], groups: []).status) == 0
    }()

    /// Runs `tool ARGUMENTS` as nobody:nogroup with exactly `groups` as supplementary groups.
    static func run(_ tool: String, _ arguments: [String], groups: [gid_t]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        let groupOption = groups.isEmpty ? ["--clear-groups"] : ["--groups", groups.map(String.init).joined(separator: ",")]
        process.arguments = ["--reuid", "nobody", "--regid", "nogroup"] + groupOption + ["--", tool] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
