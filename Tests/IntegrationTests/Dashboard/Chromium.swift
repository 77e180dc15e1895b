import Foundation

/// Headless Chromium (Debian package `chromium`) as the dashboard's real browser.
enum Chromium {
    /// The browser, if installed (`make test` installs it).
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var missingMessage: String {
        "headless Chromium is not installed (Debian package chromium; `make test` installs it): dashboard browser tests skipped"
    }

    /// Runs Chromium headless with `arguments` + `url`; returns stdout. Root needs --no-sandbox.
    static func run(_ arguments: [String], url: String, profile: String) throws -> (status: Int32, stdout: String) {
        guard let path else { throw ChromiumMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(profile)", "--virtual-time-budget=3000",
        ] + arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The page's DOM after load.
    static func dumpDOM(_ url: String, profile: String) throws -> String {
        try run(["--dump-dom"], url: url, profile: profile).stdout
    }

    /// A screenshot of the page as PNG.
    static func screenshot(_ url: String, to file: String, width: Int, height: Int, profile: String) throws {
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(file)"], url: url, profile: profile)
    }

    struct ChromiumMissing: Error {}
}

/// Pixel statistics of a PNG, read by a standard-library Python script (`PNGColoursScript`).
struct PNGColours: Decodable {
    var width: Int
    var height: Int
    var distinct: Int
    var nonBackground: Double
    var near: [String: Int]

    static func measure(_ file: String, colours: [String]) throws -> PNGColours {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", PNGColoursScript.source, file] + colours
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PNGColours.self, from: data)
    }
}
