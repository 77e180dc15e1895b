import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document with Foundation's XMLParser (a real XML parser: any escaping mistake
/// fails the parse) and keeps every element with its attributes and text.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: (any Error)?

    /// Nil when the document is not well-formed.
    static func parse(_ svg: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        guard parser.parse() else { return nil }
        return inspector
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: elementName, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    /// Elements whose `class` attribute contains `name` as a word.
    func elements(class name: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
    }

    /// Elements with `attribute` equal to `value`.
    func elements(_ attribute: String, _ value: String) -> [Element] {
        elements.filter { $0.attributes[attribute] == value }
    }

    var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }
}
