import Foundation
import SKKNICore
import SKKNIPublish

/// CSV files for spreadsheet users.
enum Downloads {
    /// Quotes a field; a leading `=`, `+`, `-` or `@` (or tab, CR) is prefixed with `'` so
    /// spreadsheets do not run document text as a formula. Works on UTF-8 bytes: every byte it
    /// looks at is ASCII.
    static func appendField(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        if let first = s.utf8.first, "=+-@\t\r".utf8.contains(first) { bytes.append(UInt8(ascii: "'")) }
        for byte in s.utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// A CSV file written field by field straight into bytes (no row arrays: the national
    /// catalogue has 1.2 million criteria rows). With `emit`, the bytes are handed over in
    /// pieces of about a megabyte as rows end, so no download is ever whole in memory.
    struct Writer {
        var bytes: [UInt8] = []
        private var fieldsInRow = 0
        private let emit: (([UInt8]) throws -> Void)?
        static let pieceSize = 1 << 20

        init(emit: (([UInt8]) throws -> Void)? = nil) { self.emit = emit }

        mutating func field(_ value: String) {
            if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
            fieldsInRow += 1
            Downloads.appendField(value, to: &bytes)
        }

        mutating func row(_ values: String...) throws {
            for value in values { field(value) }
            try endRow()
        }

        mutating func endRow() throws {
            bytes += [0x0D, 0x0A]
            fieldsInRow = 0
            if bytes.count >= Self.pieceSize { try flush() }
        }

        /// Appends rows made elsewhere (kept from the previous build).
        mutating func append(_ rows: [UInt8]) throws {
            bytes += rows
            if bytes.count >= Self.pieceSize { try flush() }
        }

        /// Hands what is left to `emit`.
        mutating func flush() throws {
            guard let emit, !bytes.isEmpty else { return }
            try emit(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    static let paths = SiteOutputs.csv

    /// Pieces of the downloads kept by a build for the next update, which rewrites only the
    /// rows of changed schemes: each scheme's rows of scheme_units.csv, and the decrees' part
    /// of units.csv with its codes.
    struct Parts: Sendable {
        var schemeRows: [String: [UInt8]] = [:]
        var decreeUnitRows: [UInt8] = []
        var decreeCodes: Set<String> = []
    }

    static func rows(of scheme: Scheme) -> [UInt8] {
        var csv = Writer()
        for u in scheme.units { try! csv.row(scheme.id, u.code.raw, u.cleanTitle, scheme.source, String(u.line)) }
        return csv.bytes
    }

    /// Writes the downloads (or those of `only`) to `writer`, each made on its own core and
    /// streamed in pieces, filling `parts` for `update`.
    /// `collecting`: whether to fill `parts` at all (a one-off build has no use for them).
    static func write(
        _ catalog: Catalog, only: [CSVDownload] = CSVDownload.allCases, keeping parts: inout Parts,
        collecting: Bool = true, to writer: any OutputWriter
    ) throws {
        let given = parts
        let made = ConcurrentMap.map(only) { file -> Result<Parts, Error> in
            Result {
                var piece = Parts()
                try writer.write(file.path) { emit in
                    try withoutActuallyEscaping(emit) { emit in piece = try file.write(catalog, given, collecting, emit)
                    }
                }
                return piece
            }
        }
        for result in made {
            let piece = try result.get()
            if !piece.decreeCodes.isEmpty {
                parts.decreeCodes = piece.decreeCodes
                parts.decreeUnitRows = piece.decreeUnitRows
            }
            if !piece.schemeRows.isEmpty { parts.schemeRows = piece.schemeRows }
        }
    }

    /// The downloads of `catalog` in memory (for tests).
    static func csvFiles(_ catalog: Catalog) -> [(String, Data)] {
        var parts = Parts()
        let memory = MemoryOutput()
        try! write(catalog, keeping: &parts, collecting: false, to: memory)
        return memory.files
    }
}

extension CSVDownload {
    /// Writes this download's rows to `emit` in pieces; returns the parts of it kept for `update`.
    fileprivate func write(
        _ catalog: Catalog, _ given: Downloads.Parts, _ collecting: Bool, _ emit: @escaping ([UInt8]) throws -> Void
    ) throws -> Downloads.Parts {
        typealias Writer = Downloads.Writer
        var made = Downloads.Parts()
        var csv = Writer(emit: emit)
        switch self {
        case .units:
            // Every code once, the decrees' first (as they come first in the catalogue).
            var decreeRows = given.decreeUnitRows
            var decreeCodes = given.decreeCodes
            if decreeCodes.isEmpty {
                var rows = Writer()
                for (_, q) in catalog.qualifications {
                    for u in q.units where decreeCodes.insert(u.code.raw).inserted {
                        try rows.row(u.code.raw, u.code.identity, u.code.version, u.cleanTitle)
                    }
                }
                // The units SKKNI decrees list and define.
                for s in catalog.standards {
                    for u in s.listedUnits where decreeCodes.insert(u.code.raw).inserted {
                        try rows.row(u.code.raw, u.code.identity, u.code.version, u.title)
                    }
                    for d in s.definitions where decreeCodes.insert(d.code.raw).inserted {
                        try rows.row(d.code.raw, d.code.identity, d.code.version, d.title)
                    }
                }
                decreeRows = rows.bytes
            }
            try csv.row("code", "identity", "version", "title")
            try csv.append(decreeRows)
            var seen = Set<String>()
            for s in catalog.schemes {
                for u in s.units where !decreeCodes.contains(u.code.raw) && seen.insert(u.code.raw).inserted {
                    try csv.row(u.code.raw, u.code.identity, u.code.version, u.cleanTitle)
                }
            }
            made.decreeUnitRows = decreeRows
            made.decreeCodes = decreeCodes
        case .qualificationUnits:
            try csv.row("qualification", "code", "role", "title", "prerequisites", "file", "line")
            for (decree, q) in catalog.qualifications {
                for u in q.units {
                    try csv.row(
                        q.id, u.code.raw, u.role.rawValue, u.cleanTitle,
                        u.prerequisites.map(\.raw).joined(separator: " "), decree.source, String(u.line))
                }
            }
        case .schemeUnits:
            try csv.row("scheme", "code", "title", "file", "line")
            for s in catalog.schemes {
                guard collecting else {
                    for u in s.units { try csv.row(s.id, u.code.raw, u.cleanTitle, s.source, String(u.line)) }
                    continue
                }
                let rows = given.schemeRows[s.id] ?? Downloads.rows(of: s)
                try csv.append(rows)
                made.schemeRows[s.id] = rows
            }
        case .decreeUnits:
            try csv.row("decree", "position", "number", "code", "title", "file", "line")
            for s in catalog.standards {
                for (i, u) in s.listedUnits.enumerated() {
                    try csv.row(
                        s.id, String(i + 1), u.number.map(String.init) ?? "", u.code.raw, u.title, s.source,
                        String(u.line))
                }
            }
        // The SKKNI downloads: elements numbered by position, criteria by position within their
        // element, as in the database (the printed numbers are in `number`).
        case .unitDefinitions:
            try csv.row("code", "decree", "title", "description", "file", "line")
            for s in catalog.standards {
                for d in s.definitions {
                    try csv.row(d.code.raw, s.id, d.title, d.description ?? "", s.source, String(d.line))
                }
            }
        case .unitElements:
            try csv.row("code", "decree", "position", "number", "title", "file", "line")
            for s in catalog.standards {
                for d in s.definitions {
                    for (e, element) in d.elements.enumerated() {
                        try csv.row(
                            d.code.raw, s.id, String(e + 1), String(element.number), element.title, s.source,
                            String(element.line))
                    }
                }
            }
        case .unitCriteria:
            try csv.row("code", "decree", "element", "position", "number", "text", "file", "line")
            for s in catalog.standards {
                for d in s.definitions {
                    for (e, element) in d.elements.enumerated() {
                        for (c, criterion) in element.criteria.enumerated() {
                            try csv.row(
                                d.code.raw, s.id, String(e + 1), String(c + 1), criterion.number, criterion.text,
                                s.source, String(criterion.line))
                        }
                    }
                }
            }
        }
        try csv.flush()
        return made
    }
}
