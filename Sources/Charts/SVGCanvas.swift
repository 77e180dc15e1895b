/// Accumulates SVG elements. Every text and attribute value given to it is escaped here, so the
/// renderers cannot forget to.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// An attribute list; values are escaped.
    typealias Attributes = KeyValuePairs<String, String>

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String, _ extra: Attributes = [:]) {
        element(
            "line", ["x1": coordinate(x1), "y1": coordinate(y1), "x2": coordinate(x2), "y2": coordinate(y2), "class": name],
            extra)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String, _ extra: Attributes = [:]) {
        element(
            "rect",
            ["x": coordinate(x), "y": coordinate(y), "width": coordinate(Swift.max(0, width)),
             "height": coordinate(Swift.max(0, height)), "class": name],
            extra)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, class name: String, _ extra: Attributes = [:]) {
        element("circle", ["cx": coordinate(cx), "cy": coordinate(cy), "r": coordinate(r), "class": name], extra)
    }

    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        guard points.count > 1 else { return }
        let list = points.map { coordinate($0.0) + "," + coordinate($0.1) }.joined(separator: " ")
        element("polyline", ["points": list, "class": name], [:])
    }

    mutating func path(_ d: String, class name: String) {
        element("path", ["d": d, "class": name], [:])
    }

    /// A text element; `anchor` is `start`, `middle` or `end`.
    mutating func text(
        _ content: String, x: Double, y: Double, class name: String, anchor: String = "start", rotate: Double? = nil,
        _ extra: Attributes = [:]
    ) {
        var attributes: [(String, String)] = [
            ("x", coordinate(x)), ("y", coordinate(y)), ("class", name), ("text-anchor", anchor),
        ]
        if let rotate {
            attributes.append(("transform", "rotate(\(coordinate(rotate)) \(coordinate(x)) \(coordinate(y)))"))
        }
        attributes += extra.map { ($0.key, $0.value) }
        body.append("<text" + Self.render(attributes) + ">" + SVGText.escape(content) + "</text>")
    }

    /// Opens a group; close it with `close()`.
    mutating func group(class name: String, _ extra: Attributes = [:]) {
        body.append("<g" + Self.render([("class", name)] + extra.map { ($0.key, $0.value) }) + ">")
    }

    mutating func close() { body.append("</g>") }

    /// A `<title>` child (a tooltip in browsers).
    mutating func tooltip(_ content: String) {
        body.append("<title>" + SVGText.escape(content) + "</title>")
    }

    private mutating func element(_ name: String, _ attributes: Attributes, _ extra: Attributes) {
        body.append(
            "<" + name + Self.render(attributes.map { ($0.key, $0.value) } + extra.map { ($0.key, $0.value) }) + "/>")
    }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + SVGText.escape($0.1) + "\"" }.joined()
    }

    private func coordinate(_ value: Double) -> String { ChartNumber.coordinate(value) }

    /// The finished document: an `<svg>` root with a `<title>`, a `<desc>`, the shared style
    /// sheet and the body. `standalone` adds the XML declaration (for files).
    func document(title: String, description: String, standalone: Bool) -> String {
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\""
        out += " width=\"\(coordinate(width))\" height=\"\(coordinate(height))\" role=\"img\" aria-label=\""
        out += SVGText.escape(title) + "\" class=\"lineguard-chart\">\n"
        out += "<title>" + SVGText.escape(title) + "</title>\n"
        out += "<desc>" + SVGText.escape(description) + "</desc>\n"
        out += "<style>" + ChartStyle.css + "</style>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(coordinate(width))\" height=\"\(coordinate(height))\" class=\"background\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }
}
