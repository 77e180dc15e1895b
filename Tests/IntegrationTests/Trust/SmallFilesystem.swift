import Foundation

/// A size-limited tmpfs mounted by a test (root only), so that a database can run out of space
/// without touching the machine's disks. Unmounted by `unmount()`, and at the latest in deinit.
final class SmallFilesystem {
    let path: String
    private var mounted = true

    /// True when this process can mount a tmpfs (root with CAP_SYS_ADMIN): checked once by
    /// mounting and unmounting a tiny one.
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "lineguard-mount-probe-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) == 0 else { return false }
        return run("/bin/umount", [probe]) == 0
    }()

    /// Mounts a tmpfs of `size` (mount's syntax: `2m`) at `path`, creating the directory.
    init(path: String, size: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", path]) == 0 else {
            throw FixtureError(message: "cannot mount a tmpfs at \(path)")
        }
        self.path = path
    }

    /// Writes a filler file until the filesystem refuses more (ENOSPC); returns its size.
    @discardableResult
    func fill() -> Int {
        let filler = path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0xA5, count: 4096)
        var written = 0
        while true {
            let count = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            written += count
        }
        return written
    }

    /// Deletes the filler: the space is back.
    func free() { unlink(path + "/filler") }

    func unmount() {
        guard mounted else { return }
        mounted = false
        if Self.run("/bin/umount", [path]) != 0 { _ = Self.run("/bin/umount", ["-l", path]) }
    }

    deinit { unmount() }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
