/// toml++ (bundled in TOMLKit 0.6.0) aborts the whole process, a failed C++ `assert` in its
/// `parse_key`, on a table header whose name starts with anything but a bare-key character or a
/// quote: `[é]`, `[[ =]]`, `[<control>]`, a `[` alone on its line. Such a header is never valid TOML, so it is found here
/// first and reported as the syntax error toml++ should have given (found by Fuzz/fuzz-config;
/// `ConfigurationFuzzRegressionTests`). Strings, comments and the brackets of array and inline
/// table values are skipped, so only real header positions are judged.
enum TOMLHeaderGuard {
    /// The 1-based line and column of the first header name toml++ cannot survive, or nil.
    static func firstUnsafeHeader(in text: String) -> (line: Int, column: Int)? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var column = 1
        var depth = 0  // open `[`/`{` of values (and of the header being read)
        var atLineStart = true
        func advance(_ count: Int = 1) {
            for _ in 0..<count where i < s.count {
                if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func starts(_ text: String) -> Bool {
            let t = Array(text.unicodeScalars)
            return i + t.count <= s.count && Array(s[i..<(i + t.count)]) == t
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" { atLineStart = true; advance(); continue }
            if c == " " || c == "\t" || c == "\r" { advance(); continue }
            if atLineStart, depth == 0, c == "[" {
                var j = i + 1
                if j < s.count, s[j] == "[" { j += 1 }
                while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                if j < s.count, !isKeyStart(s[j]) { return (line, column + (j - i)) }
            }
            atLineStart = false
            if c == "#" {
                while i < s.count, s[i] != "\n" { advance() }
            } else if starts("\"\"\"") || starts("'''") {
                let quote = String(c)
                let close = quote + quote + quote
                advance(3)
                while i < s.count, !starts(close) {
                    if quote == "\"", s[i] == "\\" { advance() }
                    advance()
                }
                advance(3)
            } else if c == "\"" || c == "'" {
                advance()
                while i < s.count, s[i] != c, s[i] != "\n" {
                    if c == "\"", s[i] == "\\" { advance() }
                    advance()
                }
                advance()
            } else {
                if c == "[" || c == "{" { depth += 1 }
                if c == "]" || c == "}" { depth = max(0, depth - 1) }
                advance()
            }
        }
        return nil
    }

    /// A bare-key character (A-Z a-z 0-9 _ -), a quote, or `]` (an empty header, which toml++
    /// reports properly; a line end right after `[` it does not).
    private static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": true
        default: false
        }
    }
}
