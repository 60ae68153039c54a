import Foundation

/// Word's automatic numbering: the definitions in numbering.xml, the numbering that paragraph
/// styles carry (styles.xml), and the running counters that turn a numbered paragraph into the
/// label Word shows (`5.`, `5.2.`, `b.`). A plain-text export keeps these labels; the .docx
/// only has the definitions, so the importer has to count like Word.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    /// abstractNumId -> levels by ilvl.
    private var abstractLevels: [String: [Int: Level]] = [:]
    /// numId -> (abstractNumId, start overrides by ilvl).
    private var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
    /// styleId -> (numId, ilvl, basedOn).
    private var styles: [String: (numID: String?, level: Int?, basedOn: String?)] = [:]
    /// Running counters by numId, one per level.
    private var counters: [String: [Int: Int]] = [:]

    init(numbering: Data?, styles: Data?) throws(WordPackageError) {
        if let numbering {
            let reader = NumberingReader()
            try NamespacedXMLParser.parse(numbering, part: "numbering.xml", handler: reader)
            abstractLevels = reader.abstractLevels
            instances = reader.instances
        }
        if let styles {
            let reader = StyleNumberingReader()
            try NamespacedXMLParser.parse(styles, part: "styles.xml", handler: reader)
            self.styles = reader.styles
        }
    }

    /// The numbering a paragraph has: its own `numPr`, else its style's (following `basedOn`).
    /// `numId` 0 switches numbering off.
    func resolve(numID: String?, level: Int?, style: String?) -> (numID: String, level: Int)? {
        var numID = numID
        var level = level
        var current = style
        var seen: Set<String> = []
        while numID == nil, let id = current, !seen.contains(id), let entry = styles[id] {
            seen.insert(id)
            numID = entry.numID
            if level == nil { level = entry.level }
            current = entry.basedOn
        }
        guard let numID, numID != "0", instances[numID] != nil else { return nil }
        return (numID, min(max(level ?? 0, 0), 8))
    }

    /// Advances the counter of a numbered paragraph and returns its label, e.g. `5.2.`;
    /// deeper levels restart, as Word does by default.
    mutating func label(numID: String, level: Int) -> String {
        guard let instance = instances[numID], let levels = abstractLevels[instance.abstract] else { return "" }
        func start(_ l: Int) -> Int { instance.startOverrides[l] ?? levels[l]?.start ?? 1 }
        var values = counters[numID] ?? [:]
        values[level] = values[level].map { $0 + 1 } ?? start(level)
        for deeper in (level + 1)..<9 { values[deeper] = nil }
        counters[numID] = values
        let definition = levels[level] ?? Level()
        if definition.format == "bullet" { return "-" }
        if definition.format == "none" { return "" }
        var label = ""
        var characters = definition.text[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            if first == "%", let digit = characters.first, let n = digit.wholeNumberValue, (1...9).contains(n) {
                characters = characters.dropFirst()
                let l = n - 1
                let format = levels[l]?.format ?? "decimal"
                label += WordNumbering.format(values[l] ?? start(l), as: format)
            } else {
                label.append(first)
            }
        }
        return label
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": letters(value).lowercased()
        case "upperLetter": letters(value)
        case "lowerRoman": roman(value).lowercased()
        case "upperRoman": roman(value)
        case "decimalZero": value < 10 ? "0\(value)" : "\(value)"
        case "none", "bullet": ""
        default: "\(value)"
        }
    }

    /// Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated).
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(UnicodeScalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (n, s) in table {
            while rest >= n {
                out += s
                rest -= n
            }
        }
        return out
    }
}

/// Collects `w:abstractNum` levels and `w:num` instances.
private final class NumberingReader: NamespacedXMLHandler {
    var abstractLevels: [String: [Int: WordNumbering.Level]] = [:]
    var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
    private var abstractID: String?
    private var level: Int?
    private var numID: String?
    private var overrideLevel: Int?

    func start(_ name: QualifiedName, attributes: [QualifiedName: String]) {
        guard OOXML.isWord(name.uri) else { return }
        let val = attributes.word("val")
        switch name.local {
        case "abstractNum":
            abstractID = attributes.word("abstractNumId")
            if let abstractID { abstractLevels[abstractID] = [:] }
        case "lvl":
            level = attributes.word("ilvl").flatMap(Int.init)
            if let abstractID, let level { abstractLevels[abstractID]?[level] = WordNumbering.Level() }
        case "start" where overrideLevel == nil:
            if let abstractID, let level, let n = val.flatMap(Int.init) {
                abstractLevels[abstractID]?[level]?.start = n
            }
        case "numFmt":
            if let abstractID, let level, let val { abstractLevels[abstractID]?[level]?.format = val }
        case "lvlText":
            if let abstractID, let level, let val { abstractLevels[abstractID]?[level]?.text = val }
        case "num":
            numID = attributes.word("numId")
        case "abstractNumId":
            if let numID, let val { instances[numID] = (val, [:]) }
        case "lvlOverride":
            overrideLevel = attributes.word("ilvl").flatMap(Int.init)
        case "startOverride":
            if let numID, let overrideLevel, let n = val.flatMap(Int.init) {
                instances[numID]?.startOverrides[overrideLevel] = n
            }
        default: break
        }
    }

    func end(_ name: QualifiedName) {
        guard OOXML.isWord(name.uri) else { return }
        switch name.local {
        case "abstractNum": abstractID = nil
        case "lvl": level = nil
        case "num": numID = nil
        case "lvlOverride": overrideLevel = nil
        default: break
        }
    }

    func text(_ text: String) {}
}

/// Collects the numbering each paragraph style carries (`w:style/w:pPr/w:numPr`).
private final class StyleNumberingReader: NamespacedXMLHandler {
    var styles: [String: (numID: String?, level: Int?, basedOn: String?)] = [:]
    private var styleID: String?
    private var inParagraphProperties = false
    private var inChange = 0

    func start(_ name: QualifiedName, attributes: [QualifiedName: String]) {
        guard OOXML.isWord(name.uri) else { return }
        if name.local == "pPrChange" { inChange += 1 }
        guard inChange == 0 else { return }
        switch name.local {
        case "style":
            styleID = attributes.word("type") == "paragraph" ? attributes.word("styleId") : nil
            if let styleID { styles[styleID] = (nil, nil, nil) }
        case "basedOn":
            if let styleID { styles[styleID]?.basedOn = attributes.word("val") }
        case "pPr":
            inParagraphProperties = true
        case "numId" where inParagraphProperties:
            if let styleID { styles[styleID]?.numID = attributes.word("val") }
        case "ilvl" where inParagraphProperties:
            if let styleID { styles[styleID]?.level = attributes.word("val").flatMap(Int.init) }
        default: break
        }
    }

    func end(_ name: QualifiedName) {
        guard OOXML.isWord(name.uri) else { return }
        switch name.local {
        case "pPrChange": inChange -= 1
        case "pPr" where inChange == 0: inParagraphProperties = false
        case "style": styleID = nil
        default: break
        }
    }

    func text(_ text: String) {}
}
