import Charts
import Testing

@Suite struct SVGTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
        ("tab\tnew\nline\r", "tab new line "),
        ("bell\u{07}nul\u{00}", "bell\u{FFFD}nul\u{FFFD}"),
        ("\u{FFFE}ok\u{FFFF}", "\u{FFFD}ok\u{FFFD}"),
        ("Zelle \u{00E4}\u{1F50B}", "Zelle \u{00E4}\u{1F50B}"),
    ])
    func escapesForXML(input: String, expected: String) {
        #expect(SVGText.escape(input) == expected)
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(SVGText.truncated("FIL-000001", to: 20) == "FIL-000001")
        #expect(SVGText.truncated("ABCDEFGHIJ", to: 5) == "ABCD\u{2026}")
    }

    @Test(arguments: [
        (78.80201, 4, "78.8"), (78.56065, 5, "78.561"), (0, 4, "0"), (-0.00001, 4, "-1e-05"), (1234567, 4, "1234567"),
        (0.000123456, 3, "0.000123"), (-2.5, 4, "-2.5"), (1e12, 4, "1000000000000.0"),
    ])
    func labelsNumbers(value: Double, digits: Int, expected: String) {
        #expect(ChartNumber.label(value, digits: digits) == expected)
    }

    @Test func labelsNonFiniteNumbers() {
        #expect(ChartNumber.label(.nan) == "NaN")
        #expect(ChartNumber.label(.infinity) == "+inf")
        #expect(ChartNumber.fixed(2.345, decimals: 2) == "2.35")
        #expect(ChartNumber.fixed(-0.001, decimals: 2) == "0.00")
    }
}
