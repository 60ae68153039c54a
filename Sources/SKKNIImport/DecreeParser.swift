import Foundation
import SKKNICore

/// Reads the text of a KEPMEN that sets KKNI qualifications (like KEPMEN 3/2021): its
/// header, what it revokes or amends, and every qualification with its unit table.
struct DecreeParser {
    let document: DocumentText
    private(set) var diagnostics: [Diagnostic] = []

    init(document: DocumentText) {
        self.document = document
    }

    enum Section {
        case none, codification, description, attitudes, role, jobTitles, packaging, table
    }

    /// `A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR`
    static func qualificationHeading(_ plain: String) -> (letter: String, level: Int, group: String)? {
        // Asked of every line of a decree: most lack the words, found without splitting.
        guard LineText.mentions(plain, "JENJANG"), LineText.mentions(plain, "KELOMPOK") else { return nil }
        let words = plain.split(separator: " ")
        guard words.count >= 6, words[0].count == 2, words[0].hasSuffix("."), let letter = words[0].first,
            letter.isUppercase, words[1] == "JENJANG", words[2] == "KUALIFIKASI", let level = Int(words[3]),
            words[4] == "KELOMPOK"
        else { return nil }
        return (String(letter), level, words[5...].joined(separator: " "))
    }

    /// `I. SUBBIDANG PELATIHAN KERJA KELOMPOK INSTRUKTUR` -> `PELATIHAN KERJA`
    static func subfieldHeading(_ plain: String) -> String? {
        guard LineText.mentions(plain, "SUBBIDANG") else { return nil }
        let words = plain.split(separator: " ")
        guard words.count >= 3, words[0].hasSuffix("."), words[0].dropLast().allSatisfy({ "IVXL".contains($0) }),
            words[1] == "SUBBIDANG"
        else { return nil }
        let rest = words[2...]
        let end = rest.firstIndex(of: "KELOMPOK") ?? rest.endIndex
        return rest[rest.startIndex..<end].joined(separator: " ")
    }

    static func sectionHeading(_ plain: String) -> Section? {
        // Headings start with their number: any other ASCII start is not one (most lines).
        if let first = plain.utf8.first, first < 0x80, !(0x30...0x39).contains(first) { return nil }
        let lower = plain.lowercased()
        guard let dot = lower.firstIndex(of: "."), lower[..<dot].allSatisfy(\.isNumber), !lower[..<dot].isEmpty
        else { return nil }
        switch lower[lower.index(after: dot)...].trimmingCharacters(in: .whitespaces) {
        case "kodifikasi": return .codification
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

    /// Lines that end the last table: the signature block after the attachment.
    static func isClosingLine(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "MENTERI KETENAGAKERJAAN")
    }

    mutating func parse() throws(ImportError) -> Decree {
        let lines = document.lines
        guard let header = findHeader() else {
            let headerLine = lines.firstIndex { LineText.plain($0).uppercased().hasPrefix("KEPUTUSAN MENTERI") } ?? 0
            throw ImportError(
                file: document.path, line: headerLine + 1,
                message: "tidak ditemukan 'NOMOR … TAHUN …' pada kepala keputusan")
        }
        let attachmentStart = document.plainLines.firstIndex { $0.uppercased() == "LAMPIRAN" } ?? lines.count
        var decree = Decree(
            source: document.path, line: header.line, number: header.number, year: header.year,
            title: header.title)
        decree.field = findField(title: header.title, before: attachmentStart)
        readDiktum(into: &decree, before: attachmentStart)
        decree.qualifications = readQualifications(from: attachmentStart, decreeID: decree.id)
        return decree
    }

    private func findHeader() -> (number: Int, year: Int, title: String, line: Int)? {
        let lines = document.lines
        for (i, line) in lines.prefix(60).enumerated() {
            let plain = LineText.plain(line)
            guard plain.uppercased().hasPrefix("NOMOR"), let match = DecreeReferenceScanner.matches(in: plain).first
            else { continue }
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
            return (match.number, match.year, titleLines.joined(separator: " "), i + 1)
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

    /// Where the reader is inside one qualification.
    private struct QualificationState {
        var qualification: Qualification
        var section = Section.none
        var sectionLines: [(line: Int, text: String)] = []
        var role: UnitRole?
        /// Index of a row whose prerequisite column has not been seen yet.
        var pendingRow: Int?
    }

    private mutating func readQualifications(from start: Int, decreeID: String) -> [Qualification] {
        let lines = document.lines
        var qualifications: [Qualification] = []
        var state: QualificationState?
        var subfield: String?

        for index in start..<lines.count {
            let lineNumber = index + 1
            let raw = lines[index]
            let plain = document.plainLines[index]
            if let name = DecreeParser.subfieldHeading(plain) {
                if let done = state { qualifications.append(finish(done)) }
                state = nil
                subfield = name
                continue
            }
            if let heading = DecreeParser.qualificationHeading(plain) {
                if let done = state { qualifications.append(finish(done)) }
                state = QualificationState(
                    qualification: Qualification(
                        decreeID: decreeID, letter: heading.letter, line: lineNumber, heading: plain,
                        level: heading.level, group: TitleText.titleCase(heading.group),
                        subfield: subfield.map(TitleText.titleCase)))
                continue
            }
            guard state != nil else { continue }
            if state!.section == .table, DecreeParser.isClosingLine(plain) {
                // The signature block: nothing after it belongs to a qualification.
                qualifications.append(finish(state!))
                state = nil
                break
            }
            read(raw, plain: plain, lineNumber: lineNumber, into: &state!)
        }
        if let done = state { qualifications.append(finish(done)) }
        return distinctIDs(qualifications)
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
        var q = state.qualification
        apply(state.section, state.sectionLines, to: &q)
        flushPending(q, state.pendingRow)
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

    private mutating func read(_ raw: String, plain: String, lineNumber: Int, into state: inout QualificationState) {
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
        if plain.isEmpty { return }
        let newRole: UnitRole? =
            LineText.hasUppercasedPrefix(plain, "KOMPETENSI INTI")
            ? .inti : LineText.hasUppercasedPrefix(plain, "KOMPETENSI PILIHAN") ? .pilihan : nil
        if let newRole {
            flushPending(state.qualification, state.pendingRow)
            state.pendingRow = nil
            state.role = newRole
            return
        }
        if let row = UnitRowParser.parse(plain: plain, expectPrerequisites: true) {
            flushPending(state.qualification, state.pendingRow)
            state.pendingRow = nil
            guard let role = state.role else {
                diagnostics.append(
                    ImportIssue.stateMismatch.diagnostic(
                        "baris unit \(row.code) muncul sebelum judul KOMPETENSI INTI/PILIHAN",
                        file: document.path, line: lineNumber, subject: row.code.raw))
                return
            }
            state.qualification.units.append(
                QualificationUnit(
                    number: row.number, code: row.code, title: row.title, role: role,
                    prerequisites: row.prerequisites ?? [], line: lineNumber))
            if row.prerequisites == nil { state.pendingRow = state.qualification.units.count - 1 }
            return
        }
        // Not a row: the wrapped rest of the previous row's title (perhaps with its
        // prerequisite column), or text that does not belong in the table.
        if let pending = state.pendingRow {
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
                if let item = LineText.letteredItem(text) {
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
                } else if let item = LineText.letteredItem(text) {
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
                let body = LineText.letteredItem(text)?.text ?? text
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
