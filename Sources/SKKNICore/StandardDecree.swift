/// An SKKNI decree: the annex (LAMPIRAN) of a ministerial decree that sets national
/// competency standards (Standar Kompetensi Kerja Nasional Indonesia). It lists its units
/// (`B. Daftar Unit Kompetensi`) and defines each one (`Uraian Unit Kompetensi`): title,
/// description, elements with their performance criteria (KUK), limits and assessment guidance.
public struct StandardDecree: Hashable, Sendable, Codable {
    /// `kepmen-321-2016`; for a partial document without its heading, `skkni-<file name>`.
    public var id: String
    public var source: String
    /// The heading's line (`NOMOR 321 TAHUN 2016`), else the first definition's.
    public var line: Int
    public var number: Int?
    public var year: Int?
    /// `PENETAPAN STANDAR KOMPETENSI KERJA NASIONAL INDONESIA KATEGORI …`, as the heading writes it.
    public var title: String?
    /// What follows the title's last `BIDANG` (`KEAHLIAN ARTIFICIAL INTELLIGENCE SUBBIDANG DATA SCIENCE`).
    public var field: String?
    /// The rows of `Daftar Unit Kompetensi`, in order (a list printed twice is kept once).
    public var listedUnits: [ListedUnit]
    /// The `Uraian Unit Kompetensi` blocks, in order.
    public var definitions: [UnitDefinition]

    public init(
        id: String, source: String, line: Int, number: Int? = nil, year: Int? = nil, title: String? = nil,
        field: String? = nil, listedUnits: [ListedUnit] = [], definitions: [UnitDefinition] = []
    ) {
        self.id = id
        self.source = source
        self.line = line
        self.number = number
        self.year = year
        self.title = title
        self.field = field
        self.listedUnits = listedUnits
        self.definitions = definitions
    }

    /// `SKKNI KEPMEN 321/2016`, or the file's name for a document without its heading.
    public var label: String {
        if let number, let year { return "SKKNI KEPMEN \(number)/\(year)" }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return "SKKNI \(name)"
    }

    /// The decree kind in the `decrees` table.
    public static let kind = "SKKNI"
}

/// A row of `Daftar Unit Kompetensi`: `1. J.611000.001.01 Mengumpulkan Kebutuhan …`.
public struct ListedUnit: Hashable, Sendable, Codable {
    /// The row number as printed (`1.`), when there is one.
    public var number: Int?
    public var code: UnitCode
    /// The title with wrapped lines joined and wide gaps collapsed.
    public var title: String
    public var line: Int

    public init(number: Int?, code: UnitCode, title: String, line: Int) {
        self.number = number
        self.code = code
        self.title = title
        self.line = line
    }
}

/// One `Uraian Unit Kompetensi` block: everything `KODE UNIT :` to the next one.
public struct UnitDefinition: Hashable, Sendable, Codable {
    /// An element (`ELEMEN KOMPETENSI`) with its performance criteria.
    public struct Element: Hashable, Sendable, Codable {
        public var number: Int
        public var title: String
        public var line: Int
        public var criteria: [Criterion]

        public init(number: Int, title: String, line: Int, criteria: [Criterion] = []) {
            self.number = number
            self.title = title
            self.line = line
            self.criteria = criteria
        }
    }

    /// A performance criterion (`KRITERIA UNJUK KERJA`), numbered as printed (`1.2`).
    public struct Criterion: Hashable, Sendable, Codable {
        public var number: String
        public var text: String
        public var line: Int

        public init(number: String, text: String, line: Int) {
            self.number = number
            self.text = text
            self.line = line
        }
    }

    /// A unit required before this one (`Persyaratan kompetensi`).
    public struct Prerequisite: Hashable, Sendable, Codable {
        public var code: UnitCode
        public var title: String?
        public var line: Int

        public init(code: UnitCode, title: String?, line: Int) {
            self.code = code
            self.title = title
            self.line = line
        }
    }

    /// A numbered item of `BATASAN VARIABEL` or `PANDUAN PENILAIAN` (`1`, `1.1`, `2.1.1`; empty
    /// for a paragraph without a number), its wrapped lines joined.
    public struct Item: Hashable, Sendable, Codable {
        public var number: String
        public var text: String
        public var line: Int

        public init(number: String, text: String, line: Int) {
            self.number = number
            self.text = text
            self.line = line
        }

        /// How deep the number goes: `1` is 1, `2.1.1` is 3, none is 0.
        public var depth: Int {
            // The runs between dots, counted on bytes: every item of every unit page asks, and
            // splitting allocated an array of substrings each time.
            var runs = 0
            var inRun = false
            for byte in number.utf8 {
                if byte == UInt8(ascii: ".") {
                    inRun = false
                } else if !inRun {
                    runs += 1
                    inRun = true
                }
            }
            return runs
        }
    }

    public var code: UnitCode
    public var title: String
    public var description: String?
    public var elements: [Element]
    public var prerequisites: [Prerequisite]
    /// `BATASAN VARIABEL`
    public var limits: [Item]
    /// `PANDUAN PENILAIAN`
    public var assessment: [Item]
    /// The `KODE UNIT :` line.
    public var line: Int
    /// The `JUDUL UNIT :` line.
    public var titleLine: Int?

    public init(
        code: UnitCode, title: String, description: String? = nil, elements: [Element] = [],
        prerequisites: [Prerequisite] = [], limits: [Item] = [], assessment: [Item] = [], line: Int,
        titleLine: Int? = nil
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.elements = elements
        self.prerequisites = prerequisites
        self.limits = limits
        self.assessment = assessment
        self.line = line
        self.titleLine = titleLine
    }

    public var criteriaCount: Int { elements.reduce(0) { $0 + $1.criteria.count } }
}

// MARK: Descriptions (see `DescribedModel`): every stored property, in sorted order of names.
// They give the catalogue JSON, the snapshot and the database rows; `blank` is what a
// snapshot reader fills in.

extension StandardDecree: DescribedModel {
    public static let blank = StandardDecree(id: "", source: "", line: 0)

    public static func describe<Visitor: FieldVisitor<StandardDecree>>(_ visitor: inout Visitor) {
        visitor.field("definitions", \.definitions)
        visitor.field("field", \.field)
        visitor.field("id", \.id)
        visitor.field("line", \.line)
        visitor.field("listedUnits", \.listedUnits)
        visitor.field("number", \.number)
        visitor.field("source", \.source)
        visitor.field("title", \.title)
        visitor.field("year", \.year)
    }
}

extension ListedUnit: DescribedModel {
    public static let blank = ListedUnit(number: nil, code: UnitCode(""), title: "", line: 0)

    public static func describe<Visitor: FieldVisitor<ListedUnit>>(_ visitor: inout Visitor) {
        visitor.field("code", \.code)
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("title", \.title)
    }
}

extension UnitDefinition: DescribedModel {
    public static let blank = UnitDefinition(code: UnitCode(""), title: "", line: 0)

    public static func describe<Visitor: FieldVisitor<UnitDefinition>>(_ visitor: inout Visitor) {
        visitor.field("assessment", \.assessment)
        visitor.field("code", \.code)
        visitor.field("description", \.description)
        visitor.field("elements", \.elements)
        visitor.field("limits", \.limits)
        visitor.field("line", \.line)
        visitor.field("prerequisites", \.prerequisites)
        visitor.field("title", \.title)
        visitor.field("titleLine", \.titleLine)
    }
}

extension UnitDefinition.Element: DescribedModel {
    public static let blank = UnitDefinition.Element(number: 0, title: "", line: 0)

    public static func describe<Visitor: FieldVisitor<UnitDefinition.Element>>(_ visitor: inout Visitor) {
        visitor.field("criteria", \.criteria)
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("title", \.title)
    }
}

extension UnitDefinition.Criterion: DescribedModel {
    public static let blank = UnitDefinition.Criterion(number: "", text: "", line: 0)

    public static func describe<Visitor: FieldVisitor<UnitDefinition.Criterion>>(_ visitor: inout Visitor) {
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("text", \.text)
    }
}

extension UnitDefinition.Prerequisite: DescribedModel {
    public static let blank = UnitDefinition.Prerequisite(code: UnitCode(""), title: nil, line: 0)

    public static func describe<Visitor: FieldVisitor<UnitDefinition.Prerequisite>>(_ visitor: inout Visitor) {
        visitor.field("code", \.code)
        visitor.field("line", \.line)
        visitor.field("title", \.title)
    }
}

extension UnitDefinition.Item: DescribedModel {
    public static let blank = UnitDefinition.Item(number: "", text: "", line: 0)

    public static func describe<Visitor: FieldVisitor<UnitDefinition.Item>>(_ visitor: inout Visitor) {
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("text", \.text)
    }
}

extension StandardDecree {
    /// Makes equal element titles, criteria and items of this decree one string each: an
    /// annex repeats its assessment guidance and limits word for word in every unit, and a
    /// decree would otherwise hold a copy per unit (the parser and the import cache both
    /// call this).
    public mutating func shareRepeatedTexts() {
        var seen = Set<String>()
        func shared(_ text: String) -> String { seen.insert(text).memberAfterInsert }
        for d in definitions.indices {
            for e in definitions[d].elements.indices {
                definitions[d].elements[e].title = shared(definitions[d].elements[e].title)
                for c in definitions[d].elements[e].criteria.indices {
                    definitions[d].elements[e].criteria[c].text = shared(definitions[d].elements[e].criteria[c].text)
                }
            }
            for i in definitions[d].limits.indices {
                definitions[d].limits[i].text = shared(definitions[d].limits[i].text)
            }
            for i in definitions[d].assessment.indices {
                definitions[d].assessment[i].text = shared(definitions[d].assessment[i].text)
            }
        }
    }
}
