import Daemon
import Foundation
import Testing

/// Every file of seeds/bad-configs is rejected, and the report contains each of its
/// `# expect:` lines: the key path, the bad value and what was expected.
@Suite struct BadConfigurationCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/bad-configs")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
    }

    @Test func corpusHasAtLeastTwentyCases() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files) func rejectedWithTheExpectedMessages(file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = text.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst(10)) }
        #expect(!expected.isEmpty, "\(file) names no expected message")
        do {
            _ = try ConfigurationLoader.load(path: path)
            Issue.record("\(file) was accepted")
        } catch {
            for line in expected {
                #expect(error.description.contains(line), "\(file): report lacks \(line)\n\(error.description)")
            }
        }
    }
}
