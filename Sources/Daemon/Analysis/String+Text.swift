extension String {
    /// The text without double quotes (JSON fragments in the text reports).
    func replacingQuotes() -> String { String(filter { $0 != "\"" }) }

    /// The string without leading and trailing spaces and tabs.
    var trimmedOfSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, f == " " || f == "\t" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
