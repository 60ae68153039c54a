import Foundation
import GRDB
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
        """

    public static let schema = """
        CREATE TABLE decrees (id TEXT PRIMARY KEY, kind TEXT NOT NULL, number INTEGER NOT NULL, year INTEGER NOT NULL,
          title TEXT NOT NULL, field TEXT, date_set TEXT, file TEXT NOT NULL, line INTEGER NOT NULL);
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
            // only after the whole output is flushed): no fsync at commit, and room to cache.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
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
        func insert(_ table: String, _ columns: Int) throws -> Statement {
            try db.makeStatement(
                sql: "INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ",")))")
        }
        let decrees = try insert("decrees", 9)
        let relations = try insert("decree_relations", 7)
        let qualifications = try insert("qualifications", 14)
        let jobTitles = try insert("job_titles", 3)
        let qualificationUnits = try insert("qualification_units", 8)
        let prerequisites = try insert("prerequisites", 5)
        let schemes = try insert("schemes", 11)
        let schemeUnits = try insert("scheme_units", 7)
        let citations = try insert("citations", 8)
        let locations = try insert("source_locations", 4)
        let findings = try insert("findings", 8)
        var units: [String: (UnitCode, String)] = [:]
        let decreeIDs = Set(catalog.decrees.map(\.id))

        for d in catalog.decrees {
            if cancelled() { throw CancellationError() }
            try decrees.execute(arguments: [
                d.id, d.kind, d.number, d.year, d.title, d.field, d.dateSet, d.source, d.line,
            ])
            try locations.execute(arguments: ["decree", d.id, d.source, d.line])
            for (relation, list) in [("revokes", d.revokes), ("amends", d.amends)] {
                for r in list {
                    try relations.execute(arguments: [d.id, relation, r.decreeID, r.number, r.year, r.title, r.line])
                }
            }
            for q in d.qualifications {
                try qualifications.execute(arguments: [
                    q.id, d.id, q.letter, q.codification, q.level, q.group, q.subfield, q.packaging?.total,
                    q.packaging?.inti, q.packaging?.pilihan, q.description, q.role, d.source, q.line,
                ])
                try locations.execute(arguments: ["qualification", q.id, d.source, q.line])
                for (i, title) in q.jobTitles.enumerated() { try jobTitles.execute(arguments: [q.id, i + 1, title]) }
                for (i, u) in q.units.enumerated() {
                    try qualificationUnits.execute(arguments: [
                        q.id, i + 1, u.code.raw, u.role.rawValue, u.cleanTitle, u.title, d.source, u.line,
                    ])
                    if units[u.code.raw] == nil { units[u.code.raw] = (u.code, u.cleanTitle) }
                    for p in u.prerequisites {
                        try prerequisites.execute(arguments: [q.id, u.code.raw, p.raw, d.source, u.line])
                    }
                }
            }
        }
        for (i, s) in catalog.schemes.enumerated() {
            if i % 256 == 0, cancelled() { throw CancellationError() }
            try schemes.execute(arguments: [
                s.id, s.title, s.name, s.packagingType.rawValue, s.packagingTypeText, s.level, s.owner,
                s.documentNumber,
                s.approvedDate, s.source, s.line,
            ])
            try locations.execute(arguments: ["scheme", s.id, s.source, s.line])
            for (i, u) in s.units.enumerated() {
                try schemeUnits.execute(arguments: [s.id, i + 1, u.code.raw, u.cleanTitle, u.title, s.source, u.line])
                if units[u.code.raw] == nil { units[u.code.raw] = (u.code, u.cleanTitle) }
            }
            for c in s.citations {
                try citations.execute(arguments: [
                    s.id, c.decreeID, c.number, c.year, c.title, decreeIDs.contains(c.decreeID), s.source, c.line,
                ])
            }
        }
        let unitRows = try insert("units", 5)
        for (raw, (code, title)) in units.sorted(by: { $0.key < $1.key }) {
            try unitRows.execute(arguments: [raw, code.identity, code.version, code.format.rawValue, title])
        }
        for f in diagnostics {
            try findings.execute(arguments: [
                f.rule, f.name, f.severity.rawValue, f.message, f.location.file, f.location.line, f.subject,
                f.suppressed,
            ])
        }
        try db.execute(sql: indexes)
    }
}
