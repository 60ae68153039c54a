import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element or attribute name resolved to its namespace URI, so a document that binds the
/// WordprocessingML namespace to another prefix than `w:` reads the same.
struct QualifiedName: Hashable {
    var uri: String
    var local: String
}

/// Namespace URIs of the Office Open XML parts the Word importer reads.
enum OOXML {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// ISO 29500 strict documents use this URI for the same vocabulary.
    static let wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    static func isWord(_ uri: String) -> Bool { uri == word || uri == wordStrict }
}

/// Events of one XML part with names resolved to namespace URIs (FoundationXML reports
/// attribute names with their prefixes only).
protocol NamespacedXMLHandler: AnyObject {
    func start(_ name: QualifiedName, attributes: [QualifiedName: String])
    func end(_ name: QualifiedName)
    func text(_ text: String)
}

/// Runs `XMLParser` with namespace processing over one part of a package. Parts with a document
/// type declaration are refused: Office never writes one, and entity expansion is how a hostile
/// file would make the parser read local files or exhaust memory.
final class NamespacedXMLParser: NSObject, XMLParserDelegate {
    private weak var handler: NamespacedXMLHandler?
    private var prefixes: [String: [String]] = ["xml": [OOXML.xml]]
    private(set) var depth = 0
    private(set) var sawRoot = false
    private(set) var firstError: Error?
    private(set) var errorLine: Int?

    private init(handler: NamespacedXMLHandler) { self.handler = handler }

    /// Parses `data`; on malformed XML the error names the part and the XML line.
    static func parse(_ data: Data, part: String, handler: NamespacedXMLHandler) throws(WordPackageError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw WordPackageError("\(part) berisi deklarasi DOCTYPE/ENTITY, yang tidak pernah ditulis Word; ditolak")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        let delegate = NamespacedXMLParser(handler: handler)
        parser.delegate = delegate
        let finished = parser.parse()
        // FoundationXML on Linux can return true after an error, and says nothing about a part
        // that ends with elements still open: check both.
        let error = delegate.firstError ?? parser.parserError
        if !finished || error != nil || delegate.depth != 0 || !delegate.sawRoot {
            // Foundation's own text for parser errors is only "The operation could not be completed".
            let code = error.map { "; kode \(($0 as NSError).code)" } ?? "; elemen tidak ditutup"
            let line = delegate.errorLine ?? parser.lineNumber
            throw WordPackageError("\(part) bukan XML yang sah (baris XML \(line)\(code))")
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil {
            firstError = parseError
            errorLine = parser.lineNumber
        }
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        prefixes[prefix]?.removeLast()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        sawRoot = true
        var attributes: [QualifiedName: String] = [:]
        for (key, value) in attributeDict {
            if let colon = key.firstIndex(of: ":") {
                let prefix = String(key[..<colon])
                let uri = prefixes[prefix]?.last ?? prefix
                attributes[QualifiedName(uri: uri, local: String(key[key.index(after: colon)...]))] = value
            } else {
                // Unprefixed attributes are in no namespace.
                attributes[QualifiedName(uri: "", local: key)] = value
            }
        }
        handler?.start(QualifiedName(uri: namespaceURI ?? "", local: elementName), attributes: attributes)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        depth -= 1
        handler?.end(QualifiedName(uri: namespaceURI ?? "", local: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { handler?.text(string) }
}

extension Dictionary where Key == QualifiedName, Value == String {
    /// A WordprocessingML attribute (`w:val`) under either namespace URI.
    func word(_ local: String) -> String? {
        self[QualifiedName(uri: OOXML.word, local: local)] ?? self[QualifiedName(uri: OOXML.wordStrict, local: local)]
    }
}
