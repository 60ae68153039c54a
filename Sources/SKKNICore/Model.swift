/// A reference to another decree (revoked, amended or cited), as stated in a document.
public struct DecreeReference: Hashable, Sendable, Codable {
    public var number: Int
    public var year: Int
    public var title: String?
    public var line: Int

    public init(number: Int, year: Int, title: String? = nil, line: Int) {
        self.number = number
        self.year = year
        self.title = title
        self.line = line
    }

    /// `kepmen-3-2021`: the id a decree with this number and year has in the catalogue.
    public var decreeID: String { Decree.id(number: number, year: year) }
    public var label: String { "\(number)/\(year)" }
}

/// A ministerial decree or regulation (KEPMEN, PERMEN…) that sets KKNI qualifications, enacted or a draft.
public struct Decree: Hashable, Sendable, Codable {
    public var id: String
    public var source: String
    public var line: Int
    public var kind: String
    /// nil while not set: a draft's `NOMOR XX`.
    public var number: Int?
    public var year: Int
    public var title: String
    public var field: String?
    /// True for a draft (`KONSEP`, `RANCANGAN`), not enacted; nil for a decree as enacted, so
    /// its catalogue file has no such key. Read it through `isDraft`.
    public var draft: Bool?
    /// ISO date (`2021-01-20`) when the text states one.
    public var dateSet: String?
    public var dateSetLine: Int?
    public var revokes: [DecreeReference]
    public var amends: [DecreeReference]
    public var qualifications: [Qualification]

    public init(
        source: String, line: Int, kind: String = "KEPMEN", number: Int?, year: Int, title: String,
        field: String? = nil, draft: Bool = false, dateSet: String? = nil, dateSetLine: Int? = nil,
        revokes: [DecreeReference] = [], amends: [DecreeReference] = [], qualifications: [Qualification] = []
    ) {
        self.id = Decree.id(kind: kind, number: number, year: year, draft: draft, field: field)
        self.source = source
        self.line = line
        self.kind = kind
        self.number = number
        self.year = year
        self.title = title
        self.field = field
        self.draft = draft ? true : nil
        self.dateSet = dateSet
        self.dateSetLine = dateSetLine
        self.revokes = revokes
        self.amends = amends
        self.qualifications = qualifications
    }

    public static func id(number: Int, year: Int) -> String { "kepmen-\(number)-\(year)" }

    /// `kepmen-3-2021`, `permendag-12-2025`; a draft says so (`permendag-konsep-…`), and one
    /// without a number is told apart by its field: `permendag-konsep-2025-perdagangan-barang-…`.
    /// Lower-case letters, digits and dashes only, so safe in file paths and URLs.
    public static func id(kind: String, number: Int?, year: Int, draft: Bool, field: String?) -> String {
        let kindWords = slugWords(kind, limit: 20)
        var parts = [kindWords.isEmpty ? "keputusan" : kindWords]
        if draft { parts.append("konsep") }
        if let number { parts.append(String(number)) }
        parts.append(String(year))
        if number == nil {
            let words = slugWords(field ?? "", limit: 60)
            parts.append(words.isEmpty ? "tanpa-nomor" : words)
        }
        return parts.joined(separator: "-")
    }

    /// `text` as lower-case ASCII words joined by dashes, cut at a word end within `limit`.
    static func slugWords(_ text: String, limit: Int) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        guard out.count > limit else { return out }
        let cut = out.prefix(limit + 1)
        return String(cut.prefix(upTo: cut.lastIndex(of: "-") ?? cut.endIndex))
    }

    public var isDraft: Bool { draft == true }

    /// `KEPMEN 3/2021`; a draft: `Konsep Permendag …/2025` (`…` while its number is not set).
    public var label: String {
        let number = number.map(String.init) ?? "…"
        guard isDraft else { return "\(kind) \(number)/\(year)" }
        return "Konsep \(kind.prefix(1))\(kind.dropFirst().lowercased()) \(number)/\(year)"
    }
}

public enum UnitRole: String, Hashable, Sendable, Codable, CaseIterable {
    case inti
    case pilihan
}

/// A unit row of a qualification's table.
public struct QualificationUnit: Hashable, Sendable, Codable {
    public var number: Int?
    public var code: UnitCode
    public var title: String
    public var cleanTitle: String
    public var role: UnitRole
    public var prerequisites: [UnitCode]
    public var line: Int
    /// Further lines the row was assembled from (a wrapped title).
    public var continuationLines: [Int]?

    public init(
        number: Int?, code: UnitCode, title: String, role: UnitRole, prerequisites: [UnitCode], line: Int,
        continuationLines: [Int]? = nil
    ) {
        self.number = number
        self.code = code
        self.title = title
        self.cleanTitle = TitleText.cleanSharing(title)
        self.role = role
        self.prerequisites = prerequisites
        self.line = line
        self.continuationLines = continuationLines
    }

    /// With the clean title already known (a snapshot stores it).
    init(
        number: Int?, code: UnitCode, title: String, cleanTitle: String, role: UnitRole, prerequisites: [UnitCode],
        line: Int, continuationLines: [Int]?
    ) {
        self.number = number
        self.code = code
        self.title = title
        self.cleanTitle = cleanTitle
        self.role = role
        self.prerequisites = prerequisites
        self.line = line
        self.continuationLines = continuationLines
    }
}

/// The packaging rule (`Aturan Pengemasan`) as stated.
public struct PackagingRule: Hashable, Sendable, Codable {
    public var total: Int?
    public var inti: Int?
    public var pilihan: Int?
    public var line: Int

    public init(total: Int?, inti: Int?, pilihan: Int?, line: Int) {
        self.total = total
        self.inti = inti
        self.pilihan = pilihan
        self.line = line
    }
}

/// A named work attitude (`Sikap Kerja`), e.g. Komunikasi.
public struct WorkAttitude: Hashable, Sendable, Codable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// A KKNI qualification level (jenjang) defined by a decree.
public struct Qualification: Hashable, Sendable, Codable {
    /// `kepmen-3-2021-A`
    public var id: String
    public var letter: String
    public var line: Int
    public var heading: String
    public var codification: String?
    public var level: Int
    public var subfield: String?
    public var group: String
    public var codificationText: String?
    public var description: String?
    public var workAttitudes: [WorkAttitude]
    public var generalAttitudes: [String]
    public var role: String?
    public var jobTitles: [String]
    public var jobTitleNotes: [String]
    public var packaging: PackagingRule?
    public var units: [QualificationUnit]

    public init(
        decreeID: String, letter: String, line: Int, heading: String, level: Int, group: String,
        subfield: String? = nil
    ) {
        self.id = "\(decreeID)-\(letter)"
        self.letter = letter
        self.line = line
        self.heading = heading
        self.level = level
        self.group = group
        self.subfield = subfield
        self.workAttitudes = []
        self.generalAttitudes = []
        self.jobTitles = []
        self.jobTitleNotes = []
        self.units = []
    }

    /// The rest is filled in field by field (a snapshot being read).
    init(id: String, letter: String, line: Int, heading: String) {
        self.id = id
        self.letter = letter
        self.line = line
        self.heading = heading
        self.level = 0
        self.group = ""
        self.workAttitudes = []
        self.generalAttitudes = []
        self.jobTitles = []
        self.jobTitleNotes = []
        self.units = []
    }

    public func units(_ role: UnitRole) -> [QualificationUnit] { units.filter { $0.role == role } }
}

/// How a scheme packages its units (`Jenis Kemasan`).
public enum SchemeType: String, Hashable, Sendable, Codable {
    case kkni = "KKNI"
    case okupasi = "Okupasi"
    case okupasiNasional = "Okupasi Nasional"
    case klaster = "Klaster"
    /// The template text (`KKNI/Okupasi/Klaster`) was left as it was.
    case unspecified
}

public struct SchemeUnit: Hashable, Sendable, Codable {
    public var number: Int?
    public var code: UnitCode
    public var title: String
    public var cleanTitle: String
    public var line: Int
    public var continuationLines: [Int]?

    public init(number: Int?, code: UnitCode, title: String, line: Int, continuationLines: [Int]? = nil) {
        self.number = number
        self.code = code
        self.title = title
        self.cleanTitle = TitleText.cleanSharing(title)
        self.line = line
        self.continuationLines = continuationLines
    }

    /// With the clean title already known (a snapshot stores it).
    init(number: Int?, code: UnitCode, title: String, cleanTitle: String, line: Int, continuationLines: [Int]?) {
        self.number = number
        self.code = code
        self.title = title
        self.cleanTitle = cleanTitle
        self.line = line
        self.continuationLines = continuationLines
    }
}

/// A certification scheme (skema sertifikasi) of an LSP or BNSP.
public struct Scheme: Hashable, Sendable, Codable {
    public var id: String
    public var source: String
    public var line: Int
    public var title: String
    public var name: String?
    public var nameLine: Int?
    public var packagingTypeText: String?
    public var packagingType: SchemeType
    public var packagingTypeLine: Int?
    public var level: Int?
    public var group: String?
    public var owner: String?
    public var documentNumber: String?
    public var approvedDate: String?
    public var approvedDateText: String?
    public var citations: [DecreeReference]
    public var units: [SchemeUnit]
    public var requirements: [String]

    public init(id: String, source: String, line: Int, title: String) {
        self.id = id
        self.source = source
        self.line = line
        self.title = title
        self.packagingType = .unspecified
        self.citations = []
        self.units = []
        self.requirements = []
    }

    /// The occupation a scheme certifies: its name, else its title.
    public var occupation: String { name ?? title }
}

/// Everything the catalogue knows.
public struct Catalog: Sendable {
    public var decrees: [Decree]
    public var schemes: [Scheme]
    /// SKKNI decrees: the documents that define units (see `StandardDecree`).
    public var standards: [StandardDecree]

    public init(decrees: [Decree] = [], schemes: [Scheme] = [], standards: [StandardDecree] = []) {
        self.decrees = decrees.sorted { $0.id < $1.id }
        self.schemes = schemes.sorted { $0.id < $1.id }
        self.standards = standards.sorted { $0.id < $1.id }
    }

    public var qualifications: [(decree: Decree, qualification: Qualification)] {
        decrees.flatMap { d in d.qualifications.map { (d, $0) } }
    }
}

// MARK: Descriptions (see `DescribedModel`): every stored property, in sorted order of names.
// They give the catalogue JSON, the snapshot and the database rows; `blank` is what a
// snapshot reader fills in.

extension DecreeReference: DescribedModel {
    public static let blank = DecreeReference(number: 0, year: 0, line: 0)

    public static func describe<Visitor: FieldVisitor<DecreeReference>>(_ visitor: inout Visitor) {
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("title", \.title)
        visitor.field("year", \.year)
    }
}

extension Decree: DescribedModel {
    public static let blank = Decree(source: "", line: 0, number: nil, year: 0, title: "")

    public static func describe<Visitor: FieldVisitor<Decree>>(_ visitor: inout Visitor) {
        visitor.field("amends", \.amends)
        visitor.field("dateSet", \.dateSet)
        visitor.field("dateSetLine", \.dateSetLine)
        visitor.field("draft", \.draft)
        visitor.field("field", \.field)
        visitor.field("id", \.id)
        visitor.field("kind", \.kind)
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("qualifications", \.qualifications)
        visitor.field("revokes", \.revokes)
        visitor.field("source", \.source)
        visitor.field("title", \.title)
        visitor.field("year", \.year)
    }
}

extension QualificationUnit: DescribedModel {
    public static let blank = QualificationUnit(
        number: nil, code: UnitCode(""), title: "", cleanTitle: "", role: .inti, prerequisites: [], line: 0,
        continuationLines: nil)

    public static func describe<Visitor: FieldVisitor<QualificationUnit>>(_ visitor: inout Visitor) {
        visitor.field("cleanTitle", \.cleanTitle)
        visitor.field("code", \.code)
        visitor.field("continuationLines", \.continuationLines)
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("prerequisites", \.prerequisites)
        visitor.field("role", \.role)
        visitor.field("title", \.title)
    }
}

extension PackagingRule: DescribedModel {
    public static let blank = PackagingRule(total: nil, inti: nil, pilihan: nil, line: 0)

    public static func describe<Visitor: FieldVisitor<PackagingRule>>(_ visitor: inout Visitor) {
        visitor.field("inti", \.inti)
        visitor.field("line", \.line)
        visitor.field("pilihan", \.pilihan)
        visitor.field("total", \.total)
    }
}

extension WorkAttitude: DescribedModel {
    public static let blank = WorkAttitude(name: "", text: "")

    public static func describe<Visitor: FieldVisitor<WorkAttitude>>(_ visitor: inout Visitor) {
        visitor.field("name", \.name)
        visitor.field("text", \.text)
    }
}

extension Qualification: DescribedModel {
    public static let blank = Qualification(id: "", letter: "", line: 0, heading: "")

    public static func describe<Visitor: FieldVisitor<Qualification>>(_ visitor: inout Visitor) {
        visitor.field("codification", \.codification)
        visitor.field("codificationText", \.codificationText)
        visitor.field("description", \.description)
        visitor.field("generalAttitudes", \.generalAttitudes)
        visitor.field("group", \.group)
        visitor.field("heading", \.heading)
        visitor.field("id", \.id)
        visitor.field("jobTitleNotes", \.jobTitleNotes)
        visitor.field("jobTitles", \.jobTitles)
        visitor.field("letter", \.letter)
        visitor.field("level", \.level)
        visitor.field("line", \.line)
        visitor.field("packaging", \.packaging)
        visitor.field("role", \.role)
        visitor.field("subfield", \.subfield)
        visitor.field("units", \.units)
        visitor.field("workAttitudes", \.workAttitudes)
    }
}

extension SchemeUnit: DescribedModel {
    public static let blank = SchemeUnit(
        number: nil, code: UnitCode(""), title: "", cleanTitle: "", line: 0, continuationLines: nil)

    public static func describe<Visitor: FieldVisitor<SchemeUnit>>(_ visitor: inout Visitor) {
        visitor.field("cleanTitle", \.cleanTitle)
        visitor.field("code", \.code)
        visitor.field("continuationLines", \.continuationLines)
        visitor.field("line", \.line)
        visitor.field("number", \.number)
        visitor.field("title", \.title)
    }
}

extension Scheme: DescribedModel {
    public static let blank = Scheme(id: "", source: "", line: 0, title: "")

    public static func describe<Visitor: FieldVisitor<Scheme>>(_ visitor: inout Visitor) {
        visitor.field("approvedDate", \.approvedDate)
        visitor.field("approvedDateText", \.approvedDateText)
        visitor.field("citations", \.citations)
        visitor.field("documentNumber", \.documentNumber)
        visitor.field("group", \.group)
        visitor.field("id", \.id)
        visitor.field("level", \.level)
        visitor.field("line", \.line)
        visitor.field("name", \.name)
        visitor.field("nameLine", \.nameLine)
        visitor.field("owner", \.owner)
        visitor.field("packagingType", \.packagingType)
        visitor.field("packagingTypeLine", \.packagingTypeLine)
        visitor.field("packagingTypeText", \.packagingTypeText)
        visitor.field("requirements", \.requirements)
        visitor.field("source", \.source)
        visitor.field("title", \.title)
        visitor.field("units", \.units)
    }
}
