import Foundation
import Testing

/// The shipped unit's hardening, as `systemd-analyze security` scores it (where the tool
/// exists: systemd 252 and later have --offline).
@Suite struct SystemdUnitTests {
    static let unit = SkeletonEndToEndTests.repoFile("systemd/lineguard.service")

    static var analyzer: String? {
        ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func exposureIsTwoOrLower() throws {
        guard let analyzer = Self.analyzer else {
            print("systemd-analyze not installed: exposure not checked")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: analyzer)
        process.arguments = ["security", "--offline=yes", "--no-pager", Self.unit]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let marker = try #require(text.range(of: "Overall exposure level for lineguard.service: "), "\(text.suffix(500))")
        let score = Double(text[marker.upperBound...].prefix { $0.isNumber || $0 == "." })
        #expect(score != nil && score! <= 2.0, "exposure \(String(describing: score))")
    }

    @Test func unitRunsAsItsOwnUserWithStateAndRuntimeDirectories() throws {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
        for line in ["Type=notify", "User=lineguard", "StateDirectory=lineguard", "RuntimeDirectory=lineguard", "WatchdogSec="] {
            #expect(text.contains(line), "\(line) missing")
        }
        let sysusers = try String(contentsOfFile: SkeletonEndToEndTests.repoFile("systemd/lineguard.sysusers"), encoding: .utf8)
        #expect(sysusers.contains("u lineguard"))
    }
}
