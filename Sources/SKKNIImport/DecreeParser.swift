import Foundation
import SKKNICore

/// Reads the text of a ministerial decree or regulation that sets KKNI qualifications (like
/// KEPMEN 3/2021, or a PERMENDAG "Penerapan KKNI …", enacted or a `KONSEP` draft): its header,
/// what it revokes or amends, and every qualification with its unit table. Tables come in two
/// layouts: a row per line (`1. CODE Judul Tidak ada`, wrapped titles continuing below), or
/// the code alone on its line with the title stacked below it and the prerequisites in a third
/// column (`StackedRow`).
struct DecreeParser {
    let document: DocumentText
    private(set) var diagnostics: [Diagnostic] = []

    init(document: DocumentText) {
        self.document = document
    }

    enum Section {
        case none, codification, description, attitudes, role, jobTitles, packaging, table
    }

    /// A qualification's heading: a capital letter, then its level and its group or subfield in
    /// any order: `A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR` (KEPMEN 3/2021),
    /// `A. SUBBIDANG OPERASIONAL JENJANG 3`, `B. JENJANG 4 SUBBIDANG SALES DAN MARKETING`.
    struct Heading {
        var letter: String
        var level: Int
        /// After `KELOMPOK`, as written; nil without one.
        var group: String?
        /// After `SUBBIDANG`, as written; nil without one.
        var subfield: String?
    }

    static func heading(_ plain: String) -> Heading? {
        // Asked of every line of a decree: most lack the word, found without splitting.
        guard LineText.mentions(plain, "JENJANG") else { return nil }
        let words = plain.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 3, words[0].count == 2, words[0].hasSuffix("."), let letter = words[0].first,
            letter.isASCII, letter.isUppercase
        else { return nil }
        let keywords: Set<Substring> = ["JENJANG", "KUALIFIKASI", "KELOMPOK", "SUBBIDANG"]
        var level: Int?
        var group: String?
        var subfield: String?
        var i = 1
        while i < words.count {
            switch words[i] {
            case "JENJANG", "KUALIFIKASI":
                // `JENJANG KUALIFIKASI 3`, `KUALIFIKASI JENJANG 3`, `JENJANG 3`.
                if i + 1 < words.count, let n = Int(words[i + 1]), (1...9).contains(n) {
                    guard level == nil else { return nil }
                    level = n
                    i += 2
                } else {
                    i += 1
                }
            case "KELOMPOK", "SUBBIDANG":
                var end = i + 1
                while end < words.count, !keywords.contains(words[end]) { end += 1 }
                guard end > i + 1 else { return nil }
                let name = words[(i + 1)..<end].joined(separator: " ")
                if words[i] == "KELOMPOK" { group = name } else { subfield = name }
                i = end
            default:
                // `JENJANG 3 (TIGA)`; any other word is not a heading's.
                guard words[i].hasPrefix("("), level != nil else { return nil }
                i += 1
            }
        }
        guard let level, words.contains("JENJANG") else { return nil }
        return Heading(letter: String(letter), level: level, group: group, subfield: subfield)
    }

    /// `A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR`, or one of the other forms of `heading`
    /// (the group is then the subfield).
    static func qualificationHeading(_ plain: String) -> (letter: String, level: Int, group: String)? {
        guard let h = heading(plain) else { return nil }
        return (h.letter, h.level, h.group ?? h.subfield ?? "")
    }

    /// A roman-numbered part of the attachment: `I. SUBBIDANG PELATIHAN KERJA KELOMPOK
    /// INSTRUKTUR` (subfield `PELATIHAN KERJA`), or `II. BIDANG … SUBBIDANG FINANCE dan LEGAL`,
    /// whose subfield may follow on the next line (nil here).
    static func partHeading(_ plain: String) -> (numeral: String, subfield: String?)? {
        guard LineText.mentions(plain, "BIDANG") else { return nil }
        let words = plain.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 3, words[0].count >= 2, words[0].hasSuffix("."),
            words[0].dropLast().allSatisfy({ "IVXL".contains($0) }), words[1] == "SUBBIDANG" || words[1] == "BIDANG",
            // `I. SUBBIDANG X JENJANG 3` is qualification I.
            !words.contains("JENJANG")
        else { return nil }
        let numeral = String(words[0].dropLast())
        guard let start = words.firstIndex(of: "SUBBIDANG"), start + 1 < words.count else { return (numeral, nil) }
        let rest = words[(start + 1)...]
        let end = rest.firstIndex(of: "KELOMPOK") ?? rest.endIndex
        return (numeral, rest[rest.startIndex..<end].joined(separator: " "))
    }

    /// `I. SUBBIDANG PELATIHAN KERJA KELOMPOK INSTRUKTUR` -> `PELATIHAN KERJA`
    static func subfieldHeading(_ plain: String) -> String? { partHeading(plain)?.subfield }

    static func sectionHeading(_ plain: String) -> Section? {
        // Headings start with their number: any other ASCII start is not one (most lines).
        if let first = plain.utf8.first, first < 0x80, !(0x30...0x39).contains(first) { return nil }
        let lower = plain.lowercased()
        guard let dot = lower.firstIndex(of: "."), lower[..<dot].allSatisfy(\.isNumber), !lower[..<dot].isEmpty
        else { return nil }
        switch lower[lower.index(after: dot)...].trimmingCharacters(in: .whitespaces) {
        case "kodifikasi", "kodifikasi dan kualifikasi", "kodifikasi kualifikasi": return .codification
        case "deskripsi": return .description
        case "sikap kerja": return .attitudes
        case "peran kerja": return .role
        case "kemungkinan jabatan": return .jobTitles
        case "aturan pengemasan": return .packaging
        default: return nil
        }
    }

    static func isTableHeader(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "DAFTAR UNIT KOMPETENSI")
    }

    /// `UNIT KOMPETENSI INTI` or `DAFTAR UNIT KOMPETENSI PILIHAN` alone on a line: a table
    /// of one role begins (the layout of `Penerapan KKNI` regulations).
    static func roleTableHeading(_ plain: String) -> UnitRole? {
        guard LineText.mentions(plain, "KOMPETENSI") else { return nil }
        var lower = plain.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        if lower.hasPrefix("daftar ") { lower.removeFirst("daftar ".count) }
        switch lower {
        case "unit kompetensi inti": return .inti
        case "unit kompetensi pilihan": return .pilihan
        default: return nil
        }
    }

    /// The column headings of a table (`No.  Daftar Unit Kompetensi  Persyaratan Kompetensi`).
    static func isColumnHeader(_ plain: String) -> Bool {
        guard LineText.hasLowercasedPrefix(plain, "no") else { return false }
        return LineText.mentions(plain, "unit kompetensi") || LineText.mentions(plain, "kode unit")
    }

    /// Lines that end the last table: the signature block after the attachment.
    static func isClosingLine(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "MENTERI KETENAGAKERJAAN")
            || (plain.hasPrefix("MENTERI ") && !plain.contains(where: \.isLowercase))
    }

    /// A page number alone on its line (a page footer).
    static func isPageNumber(_ plain: String) -> Bool {
        (1...3).contains(plain.utf8.count) && plain.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `KEPUTUSAN MENTERI …` or `PERATURAN MENTERI …` (a regulation's heading is written in
    /// capitals; so is a decree's, but KEPMEN 3/2021 was always matched ignoring case).
    static func isHeaderLine(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "KEPUTUSAN MENTERI") || plain.hasPrefix("PERATURAN MENTERI")
            || plain.hasPrefix("RANCANGAN PERATURAN MENTERI") || plain.hasPrefix("RANCANGAN KEPUTUSAN MENTERI")
    }

    /// Regulations by ministry, as they are abbreviated (`Permendag`); others are `PERMEN`.
    static let regulationKinds: [(ministry: String, kind: String)] = [
        ("PERDAGANGAN", "PERMENDAG"), ("KETENAGAKERJAAN", "PERMENAKER"), ("TENAGA KERJA", "PERMENAKER"),
        ("PERINDUSTRIAN", "PERMENPERIN"), ("PARIWISATA", "PERMENPAR"), ("KESEHATAN", "PERMENKES"),
        ("PERHUBUNGAN", "PERMENHUB"), ("KOMUNIKASI", "PERMENKOMINFO"), ("PERTANIAN", "PERMENTAN"),
        ("PENDIDIKAN", "PERMENDIKBUD"), ("KEUANGAN", "PMK"),
    ]

    /// `KEPMEN` for a decision (as KEPMEN 3/2021 always was), the regulation's abbreviation
    /// for `PERATURAN MENTERI PERDAGANGAN …`.
    static func kind(ofHeader plain: String) -> String {
        var upper = plain.uppercased()
        if upper.hasPrefix("RANCANGAN ") { upper.removeFirst("RANCANGAN ".count) }
        guard upper.hasPrefix("PERATURAN MENTERI") else { return "KEPMEN" }
        let ministry = upper.dropFirst("PERATURAN MENTERI".count).trimmingCharacters(in: .whitespaces)
        return regulationKinds.first { ministry.hasPrefix($0.ministry) }?.kind ?? "PERMEN"
    }

    /// Words a draft is marked with, alone on a line (a watermark lands in every page's text).
    static let draftMarks: Set<String> = ["KONSEP", "RANCANGAN", "DRAFT"]

    /// `NOMOR XX TAHUN 2025`: a number not set yet (`XX`, `…`, `___`) gives nil; a year is required.
    static func placeholderNumber(_ plain: String) -> (year: Int, number: Int?)? {
        let words = plain.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0 != ":" }
        guard words.count >= 4, words[0].uppercased() == "NOMOR", words[2].uppercased() == "TAHUN",
            words[3].count == 4, let year = Int(words[3])
        else { return nil }
        let number = words[1].trimmingPrefix(":")
        if let n = Int(number) { return (year, n) }
        guard !number.isEmpty, number.allSatisfy({ "Xx.…_-".contains($0) }) else { return nil }
        return (year, nil)
    }

    mutating func parse() throws(ImportError) -> Decree {
        let lines = document.lines
        guard let header = findHeader() else {
            let headerLine = document.plainLines.firstIndex(where: DecreeParser.isHeaderLine) ?? 0
            throw ImportError(
                file: document.path, line: headerLine + 1,
                message: "tidak ditemukan 'NOMOR … TAHUN …' pada kepala keputusan")
        }
        let attachmentStart = document.plainLines.firstIndex { $0.uppercased() == "LAMPIRAN" } ?? lines.count
        let headerLine = document.plainLines.prefix(header.line).lastIndex(where: DecreeParser.isHeaderLine)
        let headerText = headerLine.map { document.plainLines[$0] } ?? ""
        let marked = document.plainLines.prefix(60).contains { DecreeParser.draftMarks.contains($0) }
        let draft = header.number == nil || marked || headerText.uppercased().hasPrefix("RANCANGAN")
        watermark = Set(document.plainLines.prefix(60).filter { DecreeParser.draftMarks.contains($0) })
        var decree = Decree(
            source: document.path, line: header.line, kind: DecreeParser.kind(ofHeader: headerText),
            number: header.number, year: header.year, title: header.title, draft: draft)
        decree.field = findField(title: header.title, before: attachmentStart)
        // A draft without a number is told apart by its field.
        decree.id = Decree.id(
            kind: decree.kind, number: decree.number, year: decree.year, draft: draft, field: decree.field)
        readDiktum(into: &decree, before: attachmentStart)
        decree.qualifications = readQualifications(from: attachmentStart, decreeID: decree.id)
        return decree
    }

    /// The draft mark seen on the first page (`KONSEP`): the same line further on is the
    /// watermark of another page, never content.
    private var watermark: Set<String> = []

    private func findHeader() -> (number: Int?, year: Int, title: String, line: Int)? {
        let lines = document.lines
        for (i, line) in lines.prefix(60).enumerated() {
            let plain = LineText.plain(line)
            guard plain.uppercased().hasPrefix("NOMOR") else { continue }
            let number: Int?
            let year: Int
            if let match = DecreeReferenceScanner.matches(in: plain).first {
                (number, year) = (match.number, match.year)
            } else if let found = DecreeParser.placeholderNumber(plain) {
                (number, year) = (found.number, found.year)
            } else {
                continue
            }
            // The title follows `TENTANG`, on the same line or on the next lines.
            var titleLines: [String] = []
            var j = i + 1
            while j < lines.count, LineText.isBlank(lines[j]) { j += 1 }
            if j < lines.count, LineText.plain(lines[j]).uppercased() == "TENTANG" { j += 1 }
            while j < lines.count, LineText.isBlank(lines[j]) { j += 1 }
            while j < lines.count, !LineText.isBlank(lines[j]) {
                titleLines.append(LineText.plain(lines[j]))
                j += 1
            }
            return (number, year, titleLines.joined(separator: " "), i + 1)
        }
        return nil
    }

    /// The field as the body writes it (`Pelatihan Kerja dan Sertifikasi`), found from the
    /// upper-case title (`… BIDANG PELATIHAN KERJA DAN SERTIFIKASI`).
    private func findField(title: String, before end: Int) -> String? {
        guard let range = title.range(of: "BIDANG ", options: .backwards) else { return nil }
        let upper = String(title[range.upperBound...])
        for line in document.lines.prefix(end) {
            if let found = line.range(of: upper, options: .caseInsensitive), line[found] != upper {
                return String(line[found])
            }
        }
        return upper
    }

    /// The operative part: when it was set, what it revokes or amends.
    private func readDiktum(into decree: inout Decree, before end: Int) {
        if let at = decree.title.range(of: "perubahan atas", options: .caseInsensitive) {
            let after = String(decree.title[at.upperBound...])
            for match in DecreeReferenceScanner.matches(in: after) {
                decree.amends.append(DecreeReference(number: match.number, year: match.year, line: decree.line))
            }
        }
        for (i, plain) in document.plainLines.prefix(end).enumerated() {
            let lower = plain.lowercased()
            if decree.dateSet == nil, lower.contains("tanggal"), let date = IndonesianDate.find(in: plain) {
                decree.dateSet = date.iso
                decree.dateSetLine = i + 1
            }
            if lower.contains("dicabut") {
                let words = DecreeReferenceScanner.words(plain)
                for match in DecreeReferenceScanner.matches(words: words) {
                    var title = DecreeReferenceScanner.title(after: match, in: words)
                    if let t = title, let cut = t.range(of: ", dicabut") { title = String(t[..<cut.lowerBound]) }
                    decree.revokes.append(
                        DecreeReference(number: match.number, year: match.year, title: title, line: i + 1))
                }
            }
        }
    }

    /// A row whose code stands alone on its line (with the prerequisite column beside it), its
    /// title stacked on the lines below in the code's column, the prerequisites' codes and
    /// titles in the third column. Columns are measured on the code line; after a page break
    /// the table may be drawn further right, and the shift is measured on the title.
    private struct StackedRow {
        var index: Int
        var codeColumn: Int
        /// Where the third column starts, when the code line has something there.
        var prerequisiteColumn: Int?
        /// Where the title lines start, once one has been seen.
        var titleColumn: Int?
        /// How far this page's columns are right of the code line's.
        var shift = 0
        /// A page footer or watermark came since the columns were last measured.
        var pageBreak = false
        /// `Tidak ada` or a prerequisite code has been read.
        var prerequisitesSeen: Bool
    }

    /// Where the reader is inside one qualification.
    private struct QualificationState {
        var qualification: Qualification
        var section = Section.none
        var sectionLines: [(line: Int, text: String)] = []
        var role: UnitRole?
        /// Index of a row whose prerequisite column has not been seen yet.
        var pendingRow: Int?
        var stacked: StackedRow?
    }

    private mutating func readQualifications(from start: Int, decreeID: String) -> [Qualification] {
        let lines = document.lines
        var qualifications: [Qualification] = []
        var state: QualificationState?
        var subfield: String?
        var part: String?
        let byPart = lettersRestartByPart(from: start)

        func close(_ done: QualificationState) {
            qualifications.append(finish(done))
        }

        for index in start..<lines.count {
            let lineNumber = index + 1
            let raw = lines[index]
            let plain = document.plainLines[index]
            if let heading = DecreeParser.partHeading(plain) {
                if let done = state { close(done) }
                state = nil
                subfield = heading.subfield
                part = heading.numeral
                continue
            }
            if let heading = DecreeParser.heading(plain) {
                if let done = state { close(done) }
                let subfield = heading.subfield ?? subfield
                state = QualificationState(
                    qualification: Qualification(
                        decreeID: decreeID, letter: byPart ? "\(part!)-\(heading.letter)" : heading.letter,
                        line: lineNumber, heading: plain,
                        level: heading.level, group: TitleText.titleCase(heading.group ?? subfield ?? ""),
                        subfield: subfield.map(TitleText.titleCase)))
                continue
            }
            guard state != nil else { continue }
            if state!.section == .table, DecreeParser.isClosingLine(plain) {
                // The signature block: nothing after it belongs to a qualification.
                close(state!)
                state = nil
                break
            }
            read(raw, plain: plain, lineNumber: lineNumber, into: &state!)
        }
        if let done = state { close(done) }
        return distinctIDs(qualifications)
    }

    /// Whether letters start again at `A` in each roman-numbered part (one part per subfield):
    /// then a qualification is named with its part, `II-A`, so that ids stay distinct. Letters
    /// that run on through the parts (KEPMEN 3/2021) stay as they are.
    /// (A letter repeated within the letters' run is a mistake `distinctIDs` reports.)
    private func lettersRestartByPart(from start: Int) -> Bool {
        var part: String?
        var firstLetters: [String] = []
        for plain in document.plainLines[start...] {
            if let heading = DecreeParser.partHeading(plain) {
                part = heading.numeral
                firstLetters.append("")
            } else if let heading = DecreeParser.heading(plain) {
                guard part != nil else { return false }
                if firstLetters[firstLetters.count - 1].isEmpty {
                    firstLetters[firstLetters.count - 1] = heading.letter
                }
            }
        }
        let parts = firstLetters.filter { !$0.isEmpty }
        return parts.count >= 2 && parts.allSatisfy { $0 == "A" }
    }

    /// A letter seen twice (a repeated heading, a typo) must not make two qualifications share
    /// an id, a page and database rows: the later ones get `-2`, `-3` and an error says why.
    private mutating func distinctIDs(_ qualifications: [Qualification]) -> [Qualification] {
        var firstLine: [String: Int] = [:]
        var result = qualifications
        for i in result.indices {
            let id = result[i].id
            guard let first = firstLine[id] else {
                firstLine[id] = result[i].line
                continue
            }
            var n = 2
            while firstLine["\(id)-\(n)"] != nil || result.contains(where: { $0.id == "\(id)-\(n)" }) { n += 1 }
            result[i].id = "\(id)-\(n)"
            firstLine[result[i].id] = result[i].line
            diagnostics.append(
                ImportIssue.duplicateQualification.diagnostic(
                    "kualifikasi \(result[i].letter) sudah ada di baris \(first); yang ini dicatat sebagai \(result[i].id)",
                    file: document.path, line: result[i].line, subject: result[i].id))
        }
        return result
    }

    private mutating func finish(_ state: QualificationState) -> Qualification {
        var state = state
        endRow(&state)
        var q = state.qualification
        apply(state.section, state.sectionLines, to: &q)
        if q.units.isEmpty {
            diagnostics.append(
                ImportIssue.emptyTable.diagnostic(
                    "kualifikasi \(q.letter) tidak memiliki baris unit", file: document.path, line: q.line,
                    subject: q.id))
        }
        if q.packaging == nil {
            diagnostics.append(
                ImportIssue.missingField.diagnostic(
                    "kualifikasi \(q.letter) tidak menyatakan aturan pengemasan", file: document.path,
                    line: q.line, subject: q.id))
        }
        return q
    }

    /// Closes the row being assembled: says what it lacks.
    private mutating func endRow(_ state: inout QualificationState) {
        flushPending(state.qualification, state.pendingRow)
        state.pendingRow = nil
        guard let row = state.stacked else { return }
        state.stacked = nil
        let unit = state.qualification.units[row.index]
        if !row.prerequisitesSeen {
            flushPending(state.qualification, row.index)
        }
        if unit.title.isEmpty {
            diagnostics.append(
                ImportIssue.missingField.diagnostic(
                    "baris \(unit.code) tidak memiliki judul unit", file: document.path, line: unit.line,
                    subject: unit.code.raw))
        }
    }

    /// Lines that are no content: a page number, the draft's watermark.
    private func isPageFurniture(_ plain: String) -> Bool {
        DecreeParser.isPageNumber(plain) || watermark.contains(plain)
    }

    private mutating func read(_ raw: String, plain: String, lineNumber: Int, into state: inout QualificationState) {
        if isPageFurniture(plain) {
            state.stacked?.pageBreak = true
            return
        }
        if let role = DecreeParser.roleTableHeading(plain) {
            if state.section != .table {
                apply(state.section, state.sectionLines, to: &state.qualification)
                state.sectionLines = []
                state.section = .table
            }
            endRow(&state)
            state.role = role
            return
        }
        if state.section != .table, let next = DecreeParser.sectionHeading(plain) {
            apply(state.section, state.sectionLines, to: &state.qualification)
            state.sectionLines = []
            state.section = next
            return
        }
        if DecreeParser.isTableHeader(plain) {
            if state.section != .table {
                apply(state.section, state.sectionLines, to: &state.qualification)
                state.sectionLines = []
            }
            state.section = .table
            return
        }
        guard state.section == .table else {
            if !plain.isEmpty { state.sectionLines.append((lineNumber, plain)) }
            return
        }
        if plain.isEmpty || DecreeParser.isColumnHeader(plain) { return }
        let newRole: UnitRole? =
            LineText.hasUppercasedPrefix(plain, "KOMPETENSI INTI")
            ? .inti : LineText.hasUppercasedPrefix(plain, "KOMPETENSI PILIHAN") ? .pilihan : nil
        if let newRole {
            endRow(&state)
            state.role = newRole
            return
        }
        if let row = UnitRowParser.parse(plain: plain, expectPrerequisites: true) ?? DecreeParser.foreignRow(plain) {
            endRow(&state)
            guard let role = state.role else {
                diagnostics.append(
                    ImportIssue.stateMismatch.diagnostic(
                        "baris unit \(row.code) muncul sebelum judul KOMPETENSI INTI/PILIHAN",
                        file: document.path, line: lineNumber, subject: row.code.raw))
                return
            }
            let titleWords = UnitRowParser.words(row.title[...])
            if titleWords.allSatisfy(DecreeParser.isCodeShaped) {
                // The code alone (a malformed prerequisite code at most beside it): the title is
                // stacked below.
                let prerequisites = (row.prerequisites ?? []) + titleWords.map { UnitCode(String($0)) }
                let seen = row.prerequisites != nil || !titleWords.isEmpty
                state.qualification.units.append(
                    QualificationUnit(
                        number: row.number, code: row.code, title: "", role: role, prerequisites: prerequisites,
                        line: lineNumber))
                let columns = DecreeParser.columns(raw)
                let codeAt = columns.firstIndex { $0.word == row.code.raw[...] }
                state.stacked = StackedRow(
                    index: state.qualification.units.count - 1, codeColumn: codeAt.map { columns[$0].column } ?? 0,
                    prerequisiteColumn: codeAt.flatMap { $0 + 1 < columns.count ? columns[$0 + 1].column : nil },
                    prerequisitesSeen: seen)
                return
            }
            var title = row.title
            var prerequisites = row.prerequisites
            if prerequisites == nil, let split = DecreeParser.splitAtPrerequisiteCode(title) {
                // The whole row on one line with the prerequisites' titles after their codes.
                (title, prerequisites) = (split.title, split.prerequisites)
            }
            state.qualification.units.append(
                QualificationUnit(
                    number: row.number, code: row.code, title: title, role: role,
                    prerequisites: prerequisites ?? [], line: lineNumber))
            if prerequisites == nil { state.pendingRow = state.qualification.units.count - 1 }
            return
        }
        if state.stacked != nil {
            readStacked(raw, plain: plain, lineNumber: lineNumber, into: &state)
            return
        }
        // Not a row: the wrapped rest of the previous row's title (perhaps with its
        // prerequisite column), or text that does not belong in the table.
        if let pending = state.pendingRow,
            !UnitRowParser.words(plain[...]).contains(where: UnitRowParser.isCodeLike)
                || UnitRowParser.splitPrerequisites(Substring(plain)).prerequisites != nil
        {
            let (more, prerequisites) = UnitRowParser.splitPrerequisites(Substring(plain))
            var unit = state.qualification.units[pending]
            unit.title = TitleText.collapseWhitespace(unit.title + " " + more)
            unit.cleanTitle = TitleText.clean(unit.title)
            unit.continuationLines = (unit.continuationLines ?? []) + [lineNumber]
            if let prerequisites {
                unit.prerequisites = prerequisites
                state.pendingRow = nil
            }
            state.qualification.units[pending] = unit
            return
        }
        diagnostics.append(
            ImportIssue.unreadableRow.diagnostic(
                "baris di dalam tabel unit kualifikasi \(state.qualification.letter) bukan baris unit: \(plain.prefix(80))",
                file: document.path, line: lineNumber, subject: state.qualification.id))
    }

    /// A line below a stacked row's code: words left of the third column continue the title,
    /// words in it are prerequisite codes (`Tidak ada`, or the prerequisites' titles, which the
    /// catalogue takes from their own rows).
    private mutating func readStacked(
        _ raw: String, plain: String, lineNumber: Int, into state: inout QualificationState
    ) {
        guard var row = state.stacked else { return }
        let columns = DecreeParser.columns(raw)
        guard let first = columns.first else { return }
        if row.pageBreak {
            row.pageBreak = false
            // A line that starts in the third column says nothing about the title's column.
            let inThird = row.prerequisiteColumn.map { first.column >= $0 + row.shift - 1 } ?? false
            if !inThird { row.shift = first.column - (row.titleColumn ?? row.codeColumn) }
        }
        var boundary = row.prerequisiteColumn.map { $0 + row.shift }
        if boundary == nil {
            // No third column on the code line: it starts at the first `Tidak ada` or code after a gap.
            for (i, c) in columns.enumerated().dropFirst() {
                let gap = c.column - (columns[i - 1].column + columns[i - 1].word.count)
                if gap >= 3, DecreeParser.isCodeShaped(c.word) || c.word.lowercased() == "tidak" {
                    boundary = c.column
                    row.prerequisiteColumn = c.column - row.shift
                    break
                }
            }
        }
        // One space of slack: a justified title may end a column short of the third.
        let titleWords = columns.filter { boundary == nil || $0.column < boundary! - 1 }.map(\.word)
        let thirdWords = columns.filter { boundary != nil && $0.column >= boundary! - 1 }.map(\.word)
        if let code = titleWords.first(where: UnitRowParser.isCodeLike) {
            // A code where the title goes: not a row this reader understands. Said, not dropped.
            diagnostics.append(
                ImportIssue.unreadableRow.diagnostic(
                    "kode \(code) di kolom judul baris \(state.qualification.units[row.index].code), bukan di baris unitnya sendiri: \(plain.prefix(80))",
                    file: document.path, line: lineNumber, subject: String(code)))
            state.stacked = row
            return
        }
        var unit = state.qualification.units[row.index]
        if !titleWords.isEmpty {
            if row.titleColumn == nil, let c = columns.first, c.column < (boundary ?? Int.max) - 1 {
                row.titleColumn = c.column - row.shift
            }
            unit.title = TitleText.collapseWhitespace(unit.title + " " + titleWords.joined(separator: " "))
            unit.cleanTitle = TitleText.clean(unit.title)
        }
        var i = 0
        while i < thirdWords.count {
            let word = thirdWords[i]
            // Any code shape: a foreign unit as a prerequisite is kept (and reported), not dropped.
            if DecreeParser.isCodeShaped(word) {
                unit.prerequisites.append(UnitCode(String(word)))
                row.prerequisitesSeen = true
            } else if word.lowercased() == "tidak", i + 1 < thirdWords.count, thirdWords[i + 1].lowercased() == "ada" {
                row.prerequisitesSeen = true
                i += 1
            }
            i += 1
        }
        unit.continuationLines = (unit.continuationLines ?? []) + [lineNumber]
        state.qualification.units[row.index] = unit
        state.stacked = row
    }

    /// Words with the column each starts at (tabs to the next multiple of eight).
    static func columns(_ raw: String) -> [(column: Int, word: Substring)] {
        var result: [(column: Int, word: Substring)] = []
        var column = 0
        var start: String.Index?
        var startColumn = 0
        var index = raw.startIndex
        while index < raw.endIndex {
            let ch = raw[index]
            if ch == " " || ch == "\t" {
                if let s = start {
                    result.append((startColumn, raw[s..<index]))
                    start = nil
                }
                column = ch == "\t" ? (column / 8 + 1) * 8 : column + 1
            } else {
                if start == nil {
                    start = index
                    startColumn = column
                }
                column += 1
            }
            index = raw.index(after: index)
        }
        if let s = start { result.append((startColumn, raw[s...])) }
        return result
    }

    /// Shaped like a code of some competency standard: `N.78SPS02.011.1` (any format, valid or
    /// not, see `UnitRowParser.isCodeLike`), one cut short (`G.46RIT00.065`), or another
    /// country's (`SIRXICT303`, `BSBWOR203`): capitals and digits, no lower case.
    static func isCodeShaped(_ word: Substring) -> Bool {
        if UnitRowParser.isCodeLike(word) { return true }
        let bytes = word.utf8
        guard (6...24).contains(bytes.count), let first = bytes.first, (0x41...0x5A).contains(first) else {
            return false
        }
        var digits = 0
        var letters = 0
        for b in bytes {
            switch b {
            case 0x30...0x39: digits += 1
            case 0x41...0x5A: letters += 1
            case UInt8(ascii: "."): break
            default: return false
            }
        }
        // `X.99…` cut short, or letters then digits as other standards write them.
        let dotted = bytes.dropFirst().first == UInt8(ascii: ".")
        return digits >= 2 && (dotted || letters >= 3)
    }

    /// A code of the SKKNI's shape, valid or not (`G.46RIT00.065` included): a capital, a dot,
    /// digits. Unlike a foreign code, never taken for a word of a title (`ISO9001`).
    static func isDottedCode(_ word: Substring) -> Bool {
        isCodeShaped(word) && word.utf8.dropFirst().first == UInt8(ascii: ".")
    }

    /// `7. SIRXICT303  Tidak ada`: a numbered row whose code is in neither SKKNI format nor
    /// shaped like one (a foreign unit). Kept with its code as written, so the checker reports it.
    static func foreignRow(_ plain: String) -> UnitRowParser.Row? {
        let tokens = UnitRowParser.words(plain[...])
        guard tokens.count >= 2, let number = UnitRowParser.rowNumber(tokens[0]), isCodeShaped(tokens[1]) else {
            return nil
        }
        let (title, prerequisites) = UnitRowParser.splitPrerequisites(plain[tokens[1].endIndex...])
        return UnitRowParser.Row(
            number: number, code: UnitCode(String(tokens[1])), title: title, prerequisites: prerequisites)
    }

    /// `Judul N.1 Judul persyaratan` (a row on one line whose prerequisite column keeps its
    /// titles) -> the title before the first code, and the codes after it.
    static func splitAtPrerequisiteCode(_ text: String) -> (title: String, prerequisites: [UnitCode])? {
        let words = UnitRowParser.words(text[...])
        guard let first = words.firstIndex(where: isDottedCode), first > 0 else { return nil }
        let codes = words[first...].filter(isDottedCode).map { UnitCode(String($0)) }
        return (words[..<first].joined(separator: " "), codes)
    }

    private mutating func flushPending(_ q: Qualification, _ pending: Int?) {
        guard let pending else { return }
        let unit = q.units[pending]
        diagnostics.append(
            ImportIssue.missingPrerequisiteColumn.diagnostic(
                "baris \(unit.code) tidak memiliki kolom persyaratan kompetensi ('Tidak ada' atau kode unit)",
                file: document.path, line: unit.line, subject: unit.code.raw))
    }

    /// Interprets the lines collected under one numbered heading of a qualification.
    private mutating func apply(_ section: Section, _ lines: [(line: Int, text: String)], to q: inout Qualification) {
        switch section {
        case .none, .table:
            return
        case .codification:
            let text = lines.map(\.text).joined(separator: " ")
            q.codificationText = text.isEmpty ? nil : text
            if let first = text.split(separator: " ").first, first.count == 8,
                first.first?.isUppercase == true, first.dropFirst().prefix(2).allSatisfy(\.isNumber)
            {
                q.codification = String(first)
            } else if let first = text.split(separator: " ").first, first.allSatisfy({ $0 == "x" || $0 == "X" }) {
                // A draft's template: `x 00 xxx 00`.
                diagnostics.append(
                    ImportIssue.missingField.diagnostic(
                        "kodifikasi kualifikasi \(q.letter) belum diisi: \(text.split(separator: " ").prefix(4).joined(separator: " "))",
                        file: document.path, line: lines.first?.line ?? q.line, subject: q.id))
            } else {
                diagnostics.append(
                    ImportIssue.missingField.diagnostic(
                        "kodifikasi kualifikasi \(q.letter) tidak terbaca", file: document.path,
                        line: lines.first?.line ?? q.line, subject: q.id))
            }
        case .description:
            q.description = DecreeParser.paragraphs(lines)
        case .role:
            q.role = DecreeParser.paragraphs(lines)
        case .attitudes:
            var general = false
            for (_, text) in lines {
                if text.lowercased().hasPrefix("secara umum") {
                    general = true
                    continue
                }
                // `a. Sikap Kerja Umum` / `b. Sikap Kerja Khusus`, their items numbered `1)`.
                let subheading = (LineText.letteredItem(text)?.text ?? text).lowercased()
                if subheading.hasPrefix("sikap kerja umum") || subheading.hasPrefix("sikap kerja khusus") {
                    general = subheading.hasPrefix("sikap kerja umum")
                    continue
                }
                if let item = LineText.letteredItem(text) ?? DecreeParser.numberedItem(text).map({ ("", $0.text) }) {
                    if general {
                        q.generalAttitudes.append(item.text)
                    } else {
                        q.workAttitudes.append(WorkAttitude(name: item.text, text: ""))
                    }
                } else if general, !q.generalAttitudes.isEmpty {
                    q.generalAttitudes[q.generalAttitudes.count - 1] += " " + text
                } else if !q.workAttitudes.isEmpty {
                    let last = q.workAttitudes.count - 1
                    q.workAttitudes[last].text = TitleText.collapseWhitespace(q.workAttitudes[last].text + " " + text)
                }
            }
        case .jobTitles:
            var inNotes = false
            for (_, text) in lines {
                if text.lowercased().hasPrefix("catatan") {
                    inNotes = true
                    continue
                }
                if inNotes {
                    q.jobTitleNotes.append(text)
                } else if text.lowercased().hasPrefix("no"), LineText.mentions(text, "kemungkinan jabatan") {
                    continue  // the column headings of a numbered list
                } else if let item = LineText.letteredItem(text) ?? DecreeParser.numberedItem(text).map({
                    ("", $0.text)
                })
                    ?? DecreeParser.bareNumberedItem(text).map({ ("", $0) })
                {
                    q.jobTitles.append(TitleText.clean(item.text))
                } else if !q.jobTitles.isEmpty {
                    q.jobTitles[q.jobTitles.count - 1] = TitleText.clean(
                        q.jobTitles[q.jobTitles.count - 1] + " " + text)
                }
            }
        case .packaging:
            var total: Int?
            var inti: Int?
            var pilihan: Int?
            var line = lines.first?.line ?? q.line
            for (n, text) in lines {
                let body = LineText.letteredItem(text)?.text ?? DecreeParser.numberedItem(text)?.text ?? text
                let lower = body.lowercased()
                guard let count = body.split(separator: " ").first.flatMap({ Int($0) }),
                    lower.contains("unit kompetensi")
                else { continue }
                if lower.contains("unit kompetensi inti") {
                    inti = count
                } else if lower.contains("unit kompetensi pilihan") {
                    pilihan = count
                } else if total == nil {
                    total = count
                    line = n
                }
            }
            q.packaging = PackagingRule(total: total, inti: inti, pilihan: pilihan, line: line)
            if total == nil || inti == nil || pilihan == nil {
                diagnostics.append(
                    ImportIssue.missingField.diagnostic(
                        "aturan pengemasan kualifikasi \(q.letter) tidak lengkap (jumlah total, inti dan pilihan)",
                        file: document.path, line: line, subject: q.id))
            }
        }
    }

    /// `1) Teks` or `1. Teks` -> (1, "Teks").
    static func numberedItem(_ text: String) -> (number: Int, text: String)? {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let label = text[..<space]
        guard label.count >= 2, label.last == ")" || label.last == ".", let n = Int(label.dropLast()) else {
            return nil
        }
        return (n, LineText.trimmed(String(text[space...])))
    }

    /// `9    Regulatory Staff` (a list item whose dot was lost) -> `Regulatory Staff`.
    static func bareNumberedItem(_ text: String) -> String? {
        let words = text.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[0].count <= 2, words[0].allSatisfy(\.isASCII), Int(words[0]) != nil else {
            return nil
        }
        let rest = LineText.trimmed(String(words[1]))
        return rest.first?.isLetter == true ? rest : nil
    }

    /// Joins lines into paragraphs; a paragraph that starts in lower case continues the one
    /// before it (a page break split it). List items keep their own line.
    static func paragraphs(_ lines: [(line: Int, text: String)]) -> String? {
        var paragraphs: [String] = []
        var previousLine = -1
        for (n, text) in lines {
            let isItem = LineText.letteredItem(text) != nil
            let startsLower = text.first?.isLowercase == true && !isItem
            if let last = paragraphs.last, !isItem, startsLower || n == previousLine + 1, !last.hasSuffix(":") {
                paragraphs[paragraphs.count - 1] = last + " " + text
            } else {
                paragraphs.append(text)
            }
            previousLine = n
        }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n")
    }
}
