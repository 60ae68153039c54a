import Foundation
import SKKNICore
import SKKNITemplates

/// `skkni report`: one self-contained, printable page for a committee meeting.
public enum ReportPage {
    /// When the report was made and from which catalogue, stated on the page.
    public struct Provenance: Sendable {
        /// `1 Desember 2026`
        public var date: String
        /// The catalogue's git revision (`a1b2c3d, 2026-11-30`, `+ perubahan belum di-commit`), when known.
        public var revision: String?

        public init(date: String, revision: String?) {
            self.date = date
            self.revision = revision
        }

        static let months = [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember",
        ]

        /// `1 Desember 2026` for day, month (1-12) and year.
        public static func date(day: Int, month: Int, year: Int) -> String {
            "\(day) \(months[max(1, min(12, month)) - 1]) \(year)"
        }
    }

    /// `place` names where a line is in the draft: `baris 16` in a text file, `tabel 1 baris 3`
    /// in a Word document.
    public static func render(
        _ review: DraftReview, siteDirectory: URL, sourceLine: (String, Int) -> String?,
        place: (String, Int) -> String = { _, line in "baris \(line)" }, provenance: Provenance? = nil
    ) throws -> String {
        let library = try TemplateLibrary(directory: siteDirectory.appendingPathComponent("templates"))
        // Our own stylesheet, inlined so the page needs no other file (it is not document text).
        let css =
            (try? String(contentsOf: siteDirectory.appendingPathComponent("static/style.css"), encoding: .utf8)) ?? ""
        let context = self.context(review, css: css, sourceLine: sourceLine, place: place, provenance: provenance)
        guard let html = library.render(context, withTemplate: "report") else {
            throw SiteError(description: "templat 'report' tidak ada")
        }
        return String(decoding: html, as: UTF8.self)
    }

    static func context(
        _ review: DraftReview, css: String, sourceLine: (String, Int) -> String?, place: (String, Int) -> String,
        provenance: Provenance? = nil
    ) -> TemplateObject {
        let s = review.draft
        let all = review.findings.flatMap { [$0.diagnostic] + $0.resolves }
        let counts = Dictionary(grouping: all, by: { $0.severity }).mapValues(\.count)
        return [
            "css": .text(css), "title": .text(s.name ?? s.title), "source": .text(s.source),
            "type": .text(s.packagingType.label), "level": .textOrFalse(s.level.map(String.init)),
            "owner": .textOrFalse(s.owner), "errors": .number(counts[.error] ?? 0),
            "warnings": .number(counts[.warning] ?? 0), "notes": .number(counts[.note] ?? 0),
            "causes": .number(review.findings.count), "date": .textOrFalse(provenance?.date),
            "revision": .textOrFalse(provenance?.revision), "checkedAgainst": .text(review.checkedAgainst),
            "units": .list(
                review.units.map {
                    [
                        "place": .text(place(s.source, $0.line)), "code": .text($0.code), "title": .text($0.title),
                        "status": .text($0.match.label), "match": .text($0.match.rawValue), "detail": .text($0.detail),
                        "ok": .flag($0.match.ok),
                    ]
                }),
            "findings": .list(
                review.findings.map { f in
                    let d = f.diagnostic
                    return [
                        "rule": .text(d.rule), "name": .text(d.name), "severity": .text(d.severity.rawValue),
                        "severityLabel": .text(d.severity.label), "message": .text(d.message),
                        "place": .text(place(d.location.file, d.location.line)), "fix": .text(f.fix),
                        "sourceLine": .textOrFalse(sourceLine(d.location.file, d.location.line)),
                        "resolves": .list(
                            f.resolves.map { r in
                                [
                                    "rule": .text(r.rule), "severityLabel": .text(r.severity.label),
                                    "message": .text(r.message),
                                    "place": .text(place(r.location.file, r.location.line)),
                                ]
                            }),
                        "hasResolves": .flag(!f.resolves.isEmpty),
                    ]
                }),
            "hasFindings": .flag(!review.findings.isEmpty),
            "qualification": .textOrFalse(review.qualification),
            "packaging": .list(
                review.packaging.map {
                    [
                        "code": .text($0.code), "title": .text($0.title), "role": .text($0.role),
                        "inDraft": .text($0.inDraft), "ok": .flag($0.ok),
                    ]
                }),
        ]
    }
}
