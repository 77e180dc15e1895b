@testable import Daemon
import Testing

/// Inputs Fuzz/fuzz-config found to abort the process inside TOMLKit's toml++ (a failed C++
/// assert in `parse_key`): each must now be an ordinary `ConfigurationError`.
@Suite struct ConfigurationFuzzRegressionTests {
    @Test(arguments: ["[\u{FFFD}", "[é]\n", "[[é]]\n", "[ é]\n", "[=]\n", "[\u{01}]\n", "[\n", "[\r\n", "x = 1\n  [[ =]]\n"])
    func tableHeadersTomlPlusPlusCannotParseAreSyntaxErrors(_ text: String) {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(text: text, source: "fuzz.toml") }
        #expect(TOMLHeaderGuard.firstUnsafeHeader(in: text) != nil)
    }

    @Test(arguments: [
        "[a]\nb = 1\n", "[\"é\"]\n", "['é']\n", "[]\n", "[", "x = [\n  [1, 2],\n  [ {a = 1} ],\n]\n",
        "x = [\n [é]\n]\n", "s = \"\"\"\n[é]\n\"\"\"\n", "t = '''\n[=]\n'''\n", "# [é]\n", "u = \"[\" # [=\n",
    ])
    func headersAndValuesTomlPlusPlusHandlesAreLeftToIt(_ text: String) {
        #expect(TOMLHeaderGuard.firstUnsafeHeader(in: text) == nil)
    }

    @Test func theGuardNamesLineAndColumn() throws {
        let position = try #require(TOMLHeaderGuard.firstUnsafeHeader(in: "[a]\n\n  [[ é]]\n"))
        #expect(position.line == 3 && position.column == 6)
    }
}
