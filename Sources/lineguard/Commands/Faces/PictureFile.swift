import Daemon
import Foundation

/// Writes a picture: SVG as is; PNG through `rsvg-convert` (Debian package librsvg2-bin) when
/// it is installed; `-` is standard output (SVG only).
enum PictureFile {
    static func write(svg: String, to path: String) throws(FaceError) {
        let lower = path.lowercased()
        if path == "-" {
            FileHandle.standardOutput.write(Data(svg.utf8))
            return
        }
        if lower.hasSuffix(".svg") {
            do {
                try svg.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw FaceError(.cannotRead, "cannot write \(path): \(error.localizedDescription)")
            }
            return
        }
        guard lower.hasSuffix(".png") else {
            throw FaceError(.badArgument, "--out '\(path)' must end in .svg or .png (or be - for SVG on stdout)")
        }
        guard let converter = executable(named: "rsvg-convert") else {
            throw FaceError(.cannotRead, "PNG output needs rsvg-convert (Debian package librsvg2-bin); write .svg instead")
        }
        let temporary = NSTemporaryDirectory() + "lineguard-chart-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            try svg.write(toFile: temporary, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: converter)
            process.arguments = ["--format", "png", "--background-color", "white", "--output", path, temporary]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw FaceError(.cannotRead, "rsvg-convert failed: \(String(decoding: message, as: UTF8.self))")
            }
        } catch let error as FaceError {
            throw error
        } catch {
            throw FaceError(.cannotRead, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The first executable `name` on `PATH`.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
