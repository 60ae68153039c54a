import Foundation
import GRDB
import GRDBSQLite
import SKKNICore

/// Writes the catalogue and its findings as SQLite, for `sqlite3` and Datasette users.
/// The table and column names below are a public contract; see the README.
public enum CatalogDatabase {
    /// Secondary indexes, created after the rows are in: building an index once from all rows
    /// is faster than keeping it ordered through every insert.
    static let indexes = """
        CREATE INDEX qualification_units_code ON qualification_units(code);
        CREATE INDEX scheme_units_code ON scheme_units(code);
        CREATE INDEX prerequisites_requires ON prerequisites(requires);
        CREATE INDEX units_identity ON units(identity);
        CREATE INDEX findings_subject ON findings(subject);
        CREATE INDEX decree_units_code ON decree_units(code);
        CREATE INDEX unit_definitions_code ON unit_definitions(code);
        """

    public static let schema = """
        CREATE TABLE decrees (id TEXT PRIMARY KEY, kind TEXT NOT NULL, number INTEGER, year INTEGER NOT NULL,
          title TEXT NOT NULL, field TEXT, date_set TEXT, file TEXT NOT NULL, line INTEGER NOT NULL,
          draft INTEGER NOT NULL);
        CREATE TABLE decree_relations (decree TEXT NOT NULL, relation TEXT NOT NULL, target TEXT NOT NULL,
          number INTEGER NOT NULL, year INTEGER NOT NULL, title TEXT, line INTEGER NOT NULL);
        CREATE TABLE qualifications (id TEXT PRIMARY KEY, decree TEXT NOT NULL, letter TEXT NOT NULL, codification TEXT,
          level INTEGER NOT NULL, grp TEXT NOT NULL, subfield TEXT, total INTEGER, inti INTEGER, pilihan INTEGER,
          description TEXT, role_text TEXT, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE job_titles (qualification TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL);
        CREATE TABLE units (code TEXT PRIMARY KEY, identity TEXT NOT NULL, version TEXT NOT NULL, format TEXT NOT NULL,
          title TEXT NOT NULL);
        CREATE TABLE qualification_units (qualification TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('inti', 'pilihan')), title TEXT NOT NULL, raw_title TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE prerequisites (qualification TEXT NOT NULL, code TEXT NOT NULL, requires TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE schemes (id TEXT PRIMARY KEY, title TEXT NOT NULL, name TEXT, type TEXT NOT NULL, type_text TEXT,
          level INTEGER, owner TEXT, document_number TEXT, approved_date TEXT, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE scheme_units (scheme TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL,
          raw_title TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE citations (scheme TEXT NOT NULL, decree TEXT NOT NULL, number INTEGER NOT NULL, year INTEGER NOT NULL,
          title TEXT, in_catalog INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE source_locations (kind TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE findings (rule TEXT NOT NULL, name TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL, subject TEXT NOT NULL, suppressed INTEGER NOT NULL);
        CREATE TABLE decree_units (decree TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL,
          title TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE unit_definitions (code TEXT NOT NULL, decree TEXT NOT NULL, title TEXT NOT NULL, description TEXT,
          file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE unit_elements (code TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL);
        CREATE TABLE unit_criteria (code TEXT NOT NULL, element INTEGER NOT NULL, position INTEGER NOT NULL,
          text TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
        """

    /// The database file's bytes, built in a temporary file.
    public static func data(_ catalog: Catalog, diagnostics: [Diagnostic]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skkni-\(getpid())-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(catalog, diagnostics: diagnostics, to: url)
        return try Data(contentsOf: url)
    }

    /// Writes the database to a temporary file beside `url` and moves it into place, so a
    /// failed or interrupted build leaves the previous database intact.
    /// `cancelled` is asked now and then; when it says yes, the write stops with
    /// `CancellationError` and the previous database stays (a newer build is on its way).
    public static func write(
        _ catalog: Catalog, diagnostics: [Diagnostic], to url: URL, cancelled: () -> Bool = { false }
    ) throws {
        let fm = FileManager.default
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).tmp")
        try? fm.removeItem(at: temporary)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            // A new file that only becomes the database by the rename below (and, in a build,
            // only after the whole output is flushed): no fsync at commit. 16 MiB of cache: 64 made the
            // national build 48 MB larger at its peak for no measurable gain.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -16384")
            }
            let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
            try queue.write { db in try fill(db, catalog: catalog, diagnostics: diagnostics, cancelled: cancelled) }
            try queue.close()
            // rename(2) replaces the old file in one step: readers see the old or the new database.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    static func fill(_ db: Database, catalog: Catalog, diagnostics: [Diagnostic], cancelled: () -> Bool = { false })
        throws
    {
        try db.execute(sql: schema)
        func insert(_ table: String, _ columns: Int) throws -> Insert {
            Insert(
                db: db,
                statement: try db.makeStatement(
                    sql: "INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ",")))"
                ))
        }
        // Tables that mirror a model type: their columns from its description (MirrorTable).
        let decrees = try MirrorTable<Decree>(
            db, table: "decrees", context: ["draft"], renamed: ["source": "file"], insert: insert)
        let relations = try MirrorTable<DecreeReference>(
            db, table: "decree_relations", context: ["decree", "relation", "target"], insert: insert)
        let qualifications = try MirrorTable<Qualification>(
            db, table: "qualifications", context: ["decree", "total", "inti", "pilihan", "file"],
            renamed: ["group": "grp", "role": "role_text"], insert: insert)
        let qualificationUnits = try MirrorTable<QualificationUnit>(
            db, table: "qualification_units", context: ["qualification", "position", "file"],
            renamed: ["cleanTitle": "title", "title": "raw_title"], insert: insert)
        let schemes = try MirrorTable<Scheme>(
            db, table: "schemes", context: [],
            renamed: ["packagingType": "type", "packagingTypeText": "type_text", "source": "file"], insert: insert)
        let schemeUnits = try MirrorTable<SchemeUnit>(
            db, table: "scheme_units", context: ["scheme", "position", "file"],
            renamed: ["cleanTitle": "title", "title": "raw_title"], insert: insert)
        let citations = try MirrorTable<DecreeReference>(
            db, table: "citations", context: ["scheme", "decree", "in_catalog", "file"], insert: insert)
        // Tables that are no type's mirror: lists flattened with their positions, and indexes.
        let jobTitles = try insert("job_titles", 3)
        let prerequisites = try insert("prerequisites", 5)
        let locations = try insert("source_locations", 4)
        let findings = try insert("findings", 8)
        var units: [String: (UnitCode, String)] = [:]
        let decreeIDs = Set(catalog.decrees.map(\.id) + catalog.standards.map(\.id))

        for d in catalog.decrees {
            if cancelled() { throw CancellationError() }
            try decrees.row(d, .integer(d.isDraft ? 1 : 0))
            try locations.row { $0.add("decree", d.id, d.source).add(d.line) }
            for (relation, list) in [("revokes", d.revokes), ("amends", d.amends)] {
                for r in list { try relations.row(r, .text(d.id), .text(relation), .text(r.decreeID)) }
            }
            for q in d.qualifications {
                try qualifications.row(
                    q, .text(d.id), q.packaging?.total.column, q.packaging?.inti.column, q.packaging?.pilihan.column,
                    .text(d.source))
                try locations.row { $0.add("qualification", q.id, d.source).add(q.line) }
                for (i, title) in q.jobTitles.enumerated() { try jobTitles.row { $0.add(q.id).add(i + 1).add(title) } }
                for (i, u) in q.units.enumerated() {
                    try qualificationUnits.row(u, .text(q.id), .integer(i + 1), .text(d.source))
                    if units[u.code.raw] == nil { units[u.code.raw] = (u.code, u.cleanTitle) }
                    for p in u.prerequisites {
                        try prerequisites.row { $0.add(q.id, u.code.raw, p.raw, d.source).add(u.line) }
                    }
                }
            }
        }
        try fillStandards(db, catalog: catalog, units: &units, locations: locations, insert: insert)
        for (i, s) in catalog.schemes.enumerated() {
            if i % 256 == 0, cancelled() { throw CancellationError() }
            try schemes.row(s)
            try locations.row { $0.add("scheme", s.id, s.source).add(s.line) }
            for (i, u) in s.units.enumerated() {
                try schemeUnits.row(u, .text(s.id), .integer(i + 1), .text(s.source))
                if units[u.code.raw] == nil { units[u.code.raw] = (u.code, u.cleanTitle) }
            }
            for c in s.citations {
                try citations.row(
                    c, .text(s.id), .text(c.decreeID), .integer(decreeIDs.contains(c.decreeID) ? 1 : 0), .text(s.source)
                )
            }
        }
        let unitRows = try insert("units", 5)
        for (raw, (code, title)) in units.sorted(by: { $0.key < $1.key }) {
            try unitRows.row { $0.add(raw, code.identity, code.version, code.format.rawValue, title) }
        }
        for f in diagnostics {
            try findings.row {
                $0.add(f.rule, f.name, f.severity.rawValue, f.message, f.location.file).add(f.location.line)
                    .add(f.subject).add(f.suppressed ? 1 : 0)
            }
        }
        try db.execute(sql: indexes)
    }
}

extension CatalogDatabase {
    /// SKKNI decrees: a row in `decrees` (kind `SKKNI`) when the heading gave number, year and
    /// title, their Daftar rows, and each unit's definition with its elements and criteria.
    /// Elements are numbered by position (1, 2, ...) and criteria by position within their
    /// element, so joins hold where a document misnumbers them; the printed numbers are in the
    /// catalogue files.
    static func fillStandards(
        _ db: Database, catalog: Catalog, units: inout [String: (UnitCode, String)], locations: Insert,
        insert: (String, Int) throws -> Insert
    ) throws {
        guard !catalog.standards.isEmpty else { return }
        let decrees = try MirrorTable<StandardDecree>(
            db, table: "decrees", context: ["kind", "date_set", "draft"], renamed: ["source": "file"], insert: insert)
        let decreeUnits = try MirrorTable<ListedUnit>(
            db, table: "decree_units", context: ["decree", "position", "file"], insert: insert)
        let definitions = try MirrorTable<UnitDefinition>(
            db, table: "unit_definitions", context: ["decree", "file"], insert: insert)
        let elements = try MirrorTable<UnitDefinition.Element>(
            db, table: "unit_elements", context: ["code", "position", "file"], insert: insert)
        let criteria = try MirrorTable<UnitDefinition.Criterion>(
            db, table: "unit_criteria", context: ["code", "element", "position", "file"], insert: insert)
        for s in catalog.standards {
            let file = ColumnValue.text(s.source)
            if s.year != nil, s.title != nil {
                try decrees.row(s, .text(StandardDecree.kind), nil, .integer(0))
                try locations.row { $0.add("decree", s.id, s.source).add(s.line) }
            }
            for (i, u) in s.listedUnits.enumerated() {
                try decreeUnits.row(u, .text(s.id), .integer(i + 1), file)
                if units[u.code.raw] == nil { units[u.code.raw] = (u.code, u.title) }
            }
            for d in s.definitions {
                try definitions.row(d, .text(s.id), file)
                if units[d.code.raw] == nil { units[d.code.raw] = (d.code, d.title) }
                let code = ColumnValue.text(d.code.raw)
                for (e, element) in d.elements.enumerated() {
                    try elements.row(element, code, .integer(e + 1), file)
                    for (c, criterion) in element.criteria.enumerated() {
                        try criteria.row(criterion, code, .integer(e + 1), .integer(c + 1), file)
                    }
                }
            }
        }
    }
}

/// One prepared INSERT, its values bound straight through SQLite's C interface: GRDB's
/// `execute(arguments:)` boxes every value of every row (at national scale, 600,000 rows and
/// a third of the database's time). Values are bound as GRDB binds them (text, 64-bit integer,
/// NULL), so the file is the same.
final class Insert {
    let db: Database
    let statement: Statement
    private var column: CInt = 0

    init(db: Database, statement: Statement) {
        self.db = db
        self.statement = statement
    }

    /// Binds the values `fill` adds (in column order, or each at its parameter), then inserts the row.
    func row(_ fill: (Insert) -> Void) throws {
        column = 0
        fill(self)
        let handle = statement.sqliteStatement
        // A column left unbound would keep the previous row's value.
        guard column == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(
                resultCode: .SQLITE_RANGE,
                message: "\(column) nilai untuk \(sqlite3_bind_parameter_count(handle)) kolom",
                sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    @discardableResult
    func add(_ values: String?...) -> Insert {
        for value in values {
            column += 1
            if let text = value {
                bindText(text, at: column)
            } else {
                sqlite3_bind_null(statement.sqliteStatement, column)
            }
        }
        return self
    }

    /// Binds one value at its parameter (1-based), for rows bound by column name (`MirrorTable`).
    func bind(_ value: ColumnValue?, at parameter: CInt) {
        column += 1
        switch value {
        case .integer(let number): sqlite3_bind_int64(statement.sqliteStatement, parameter, Int64(number))
        case .text(let text): bindText(text, at: parameter)
        case nil: sqlite3_bind_null(statement.sqliteStatement, parameter)
        }
    }

    private func bindText(_ text: String, at parameter: CInt) {
        var text = text
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    _ = sqlite3_bind_text(statement.sqliteStatement, parameter, $0, CInt(bytes.count), Insert.transient)
                }
            } else {
                // An empty text, not NULL (which a null pointer would bind).
                _ = sqlite3_bind_text(statement.sqliteStatement, parameter, "", 0, Insert.transient)
            }
        }
    }

    @discardableResult
    func add(_ value: Int?) -> Insert {
        column += 1
        if let value {
            sqlite3_bind_int64(statement.sqliteStatement, column, Int64(value))
        } else {
            sqlite3_bind_null(statement.sqliteStatement, column)
        }
        return self
    }

    /// SQLite copies the text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
