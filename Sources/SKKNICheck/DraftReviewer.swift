import SKKNICore

/// Builds the committee's review of a draft scheme against the catalogue.
public enum DraftReviewer {
    public static func review(_ draft: Scheme, catalog: Catalog, importFindings: [Diagnostic] = []) -> DraftReview {
        let context = CheckContext(catalog: catalog, drafts: [draft])
        let findings = (importFindings + Checker.run(catalog: catalog, drafts: [draft]))
            .filter { $0.location.file == draft.source }
            .sorted(by: Diagnostic.ordered)
        let resolutions = draft.units.map { SchemeUnitResolution.resolve($0, context: context) }

        var qualification: (Decree, Qualification)?
        if draft.packagingType == .kkni { qualification = KKNIConformanceRule.qualification(for: draft, in: context) }
        let units = zip(draft.units, resolutions).map { unit, resolution in
            status(of: unit, resolution, context: context, packaged: qualification?.1)
        }

        var packaging: [DraftReview.PackagingRow] = []
        if let (_, q) = qualification {
            let codes = Set(draft.units.map(\.code))
            let identities = Set(draft.units.map(\.code.identity))
            for unit in q.units {
                let present = codes.contains(unit.code)
                let other = !present && identities.contains(unit.code.identity)
                let state =
                    present ? "ada" : other ? "versi lain" : unit.role == .inti ? "tidak ada (wajib)" : "tidak dipilih"
                packaging.append(
                    .init(
                        code: unit.code.raw, title: unit.cleanTitle, role: unit.role.rawValue, inDraft: state,
                        ok: present || unit.role == .pilihan && !other))
            }
            let packaged = Set(q.units.map(\.code))
            for unit in draft.units where !packaged.contains(unit.code) {
                packaging.append(
                    .init(code: unit.code.raw, title: unit.cleanTitle, role: "-", inDraft: "di luar kemasan", ok: false)
                )
            }
        }
        let decrees = catalog.decrees.map(\.label) + catalog.standards.map(\.label)
        let against =
            (decrees.isEmpty ? "katalog tanpa keputusan" : decrees.joined(separator: ", "))
            + "; \(catalog.schemes.count) skema di katalog"
        return DraftReview(
            draft: draft, units: units,
            findings: rootCauses(findings, units: units, draft: draft, context: context, qualification: qualification),
            qualification: qualification.map { CheckContext.describe($0.1, in: $0.0) }, packaging: packaging,
            checkedAgainst: against)
    }

    /// A draft unit against the catalogue, with the code to write when one fits.
    static func status(
        of unit: SchemeUnit, _ resolution: SchemeUnitResolution, context: CheckContext, packaged: Qualification?
    ) -> DraftReview.UnitStatus {
        func make(_ match: DraftReview.UnitMatch, _ detail: String, _ correction: UnitCode? = nil)
            -> DraftReview.UnitStatus
        {
            .init(
                line: unit.line, code: unit.code.raw, title: unit.cleanTitle, match: match, detail: detail,
                correction: correction)
        }
        switch resolution {
        case .malformed:
            let best = CodeCorrection.candidates(for: unit.code.raw, title: unit.title, context: context).first
            return make(
                .malformed, "bukan format kode SKKNI" + (best.map { "; di katalog: \($0.code)" } ?? ""), best?.code)
        case .mistyped(let candidates):
            return make(.unknown, "tidak ada di katalog; mirip \(candidates[0])", candidates[0])
        case .outdated(let latest), .newerThanCatalog(let latest):
            let versions = Set(context.rows(identity: unit.code.identity).map(\.unit.code.raw)).sorted()
            return make(.otherVersion, "katalog memuat \(versions.joined(separator: ", "))", latest)
        case .superseded(let codes):
            return make(
                .unknown, "tidak ada di katalog; judulnya sama dengan \(codes.map(\.raw).joined(separator: ", "))",
                codes.count == 1 ? codes[0] : nil)
        case .unknown:
            return make(.unknown, "tidak ada di keputusan mana pun dalam katalog")
        case .otherStandardVersion(let defined):
            return make(.otherVersion, "SKKNI dalam katalog menetapkan \(defined)", defined)
        case .exact:
            let rows = context.rows(code: unit.code)
            guard !rows.isEmpty else {
                // Defined by an SKKNI decree of the catalogue, packaged by no KKNI qualification.
                return make(.matches, "ditetapkan dalam SKKNI di katalog")
            }
            let places = Set(rows.map { "\($0.qualification.letter) (\($0.decree.label))" }).sorted()
            var detail = "dikemas di kualifikasi \(places.joined(separator: ", "))"
            // Another version of a unit the qualification packages: that one is meant.
            var correction: UnitCode?
            if let q = packaged, !q.units.contains(where: { $0.code == unit.code }),
                let meant = q.units.first(where: { $0.code.identity == unit.code.identity })
            {
                correction = meant.code
                detail += "; kualifikasi \(q.letter) memakai \(meant.code)"
            }
            let folded = TitleText.fold(unit.title)
            if !rows.contains(where: { TitleText.fold($0.unit.title) == folded }) {
                return make(.titleDiffers, detail + "; judul di katalog: \(rows[0].unit.cleanTitle)", correction)
            }
            return make(correction == nil ? .matches : .otherVersion, detail, correction)
        }
    }

    /// One entry per root cause: the findings at a row whose code has a correction, and the
    /// findings elsewhere about the code that correction writes (a missing inti unit), are one
    /// fix; so are the units that cannot be checked because their decrees are not in the
    /// catalogue.
    static func rootCauses(
        _ findings: [Diagnostic], units: [DraftReview.UnitStatus], draft: Scheme, context: CheckContext,
        qualification: (Decree, Qualification)?
    ) -> [DraftReview.FindingWithFix] {
        var unitByLine: [Int: DraftReview.UnitStatus] = [:]
        var lineByCorrection: [String: Int] = [:]
        for unit in units {
            unitByLine[unit.line] = unit
            if let c = unit.correction, lineByCorrection[c.raw] == nil { lineByCorrection[c.raw] = unit.line }
        }
        let missingDecrees = draft.citations.filter { !context.decreeIDs.contains($0.decreeID) }
        var groups: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for d in findings {
            let key: String
            if let unit = unitByLine[d.location.line], unit.correction != nil {
                key = "baris:\(d.location.line)"
            } else if let line = lineByCorrection[d.subject], d.rule == KKNIConformanceRule.description.identifier {
                key = "baris:\(line)"
            } else if d.rule == SchemeUnitUnknownRule.description.identifier, !missingDecrees.isEmpty {
                key = "keputusan-belum-ada"
            } else {
                key = "temuan:\(order.count)"
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        return order.map { key in
            let group = groups[key]!.sorted { ($0.severity, $0.location) < ($1.severity, $1.location) }
            // The finding at the row to fix leads; the others are what its fix resolves.
            let lead =
                key.hasPrefix("baris:")
                ? group.first { "baris:\($0.location.line)" == key } ?? group[0] : group[0]
            let rest = group.filter { $0 != lead }
            let fixText: String
            if key.hasPrefix("baris:"), let unit = unitByLine[Int(key.dropFirst(6))!], let code = unit.correction {
                let title = context.rows(code: code).first?.unit.cleanTitle ?? unit.title
                fixText = "Tulis \(code) \"\(title)\" menggantikan \(unit.code) pada baris ini."
            } else if key == "keputusan-belum-ada" {
                let labels = missingDecrees.map { "KEPMEN \($0.label)" }.joined(separator: ", ")
                fixText =
                    "Katalog belum memuat \(labels) yang dikutip draf, jadi \(group.count) unit ini tidak dapat diperiksa di sini. Cocokkan setiap kode dan judulnya dengan lampiran keputusan itu. Menambahkan keputusan ke katalog adalah tugas pengelola katalog, bukan panitia skema."
            } else {
                fixText = fix(
                    for: lead, unit: unitByLine[lead.location.line], context: context, qualification: qualification,
                    draft: draft)
            }
            return DraftReview.FindingWithFix(diagnostic: lead, fix: fixText, resolves: rest)
        }
    }

    /// How to fix a finding, in the committee's words: what to write, what to choose from, and
    /// who can fix an error of a decree.
    static func fix(
        for d: Diagnostic, unit: DraftReview.UnitStatus?, context: CheckContext,
        qualification: (Decree, Qualification)?, draft: Scheme
    ) -> String {
        let issuer =
            "Kesalahan dalam keputusan hanya dapat diperbaiki penerbitnya (Kementerian Ketenagakerjaan); catat dalam berita acara dan laporkan."
        switch d.rule {
        case "SKK101": return "Hapus baris rangkap; satu unit cukup dicantumkan sekali."
        case "SKK103":
            let rows = context.rows(identity: UnitCode(d.subject).identity).filter { $0.unit.code.raw == d.subject }
            let titles = Set(rows.map { TitleText.fold($0.unit.title) })
            guard let first = rows.first else { return "Salin judul persis seperti dalam keputusan." }
            if titles.count > 1 {
                return
                    "Keputusan sendiri menulis judul \(d.subject) dengan \(titles.count) cara; pakai \"\(first.unit.cleanTitle)\" (\(first.decree.label), kualifikasi \(first.qualification.letter)). \(issuer)"
            }
            return "Tulis judulnya persis seperti dalam keputusan: \"\(first.unit.cleanTitle)\"."
        case "SKK102", "SKK403":
            if let unit, let code = unit.correction { return "Tulis \(code) menggantikan \(unit.code)." }
            return "Pakai versi yang ditetapkan keputusan untuk kualifikasi ini."
        case "SKK104":
            return
                "Tulis kode persis seperti dalam lampiran SKKNI yang menetapkan unit ini; katalog tidak memuat kode yang mirip."
        case "SKK401": return "Tulis satu jenis kemasan pada bagian 5.1: KKNI, Okupasi, atau Klaster."
        case "SKK402", "SKK409", "SKK404":
            return
                "Cocokkan kode dan judulnya dengan lampiran SKKNI yang menetapkan unit ini; bila unit itu tidak ditetapkan, keluarkan dari skema."
        case "SKK405": return "Kutip keputusan penggantinya dan sesuaikan unitnya dengan keputusan itu."
        case "SKK406":
            guard let (_, q) = qualification else { return "Sesuaikan unit dengan kemasan kualifikasinya." }
            if q.units.contains(where: { $0.code.raw == d.subject && $0.role == .inti }) {
                let unit = q.units.first { $0.code.raw == d.subject }!
                return "Tambahkan unit inti \(unit.code) \"\(unit.cleanTitle)\" ke tabel unit kompetensi."
            }
            if d.subject == draft.id {
                return pilihanChoice(q, draft: draft, context: context)
            }
            return
                "Keluarkan \(d.subject) dari skema, atau ganti dengan unit dari kemasan kualifikasi \(q.letter) (lihat tabel kemasan di bawah)."
        case "SKK407":
            return "Tambahkan unit persyaratan yang disebut ke skema, atau keluarkan unit yang mensyaratkannya."
        case "SKK408":
            return
                "Bandingkan unit skema dengan kemasan kualifikasi yang disebut; bila skema memang untuk jabatan itu, pertimbangkan skema KKNI."
        case "SKK001", "SKK005":
            return "Rapikan baris tabel: nomor, kode dan judul masing-masing dalam kolomnya, kode tanpa huruf tambahan."
        case "SKK003": return "Lengkapi keterangan yang hilang (tanggal pengesahan, nomor dokumen)."
        case "SKK004": return "Isi tabel unit kompetensi."
        default:
            return "Baca penjelasan aturan \(d.rule) (\(d.name)) dan sesuaikan baris yang ditunjuk."
        }
    }

    /// `Pilih 5 unit pilihan lagi dari: …`, each candidate with its prerequisites.
    static func pilihanChoice(_ q: Qualification, draft: Scheme, context: CheckContext) -> String {
        let inti = Set(q.units(.inti).map(\.code))
        let chosen = Set(draft.units.map(\.code))
        var seen = Set<UnitCode>()
        let candidates = q.units(.pilihan).filter {
            !inti.contains($0.code) && !chosen.contains($0.code) && seen.insert($0.code).inserted
        }
        let have = Set(q.units(.pilihan).map(\.code)).subtracting(inti).intersection(chosen).count
        let needed = max(0, (q.packaging?.pilihan ?? 0) - have)
        let list = candidates.map { unit -> String in
            let prerequisites = unit.prerequisites.isEmpty ? context.prerequisites(of: unit.code) : unit.prerequisites
            let missing = prerequisites.filter { !chosen.contains($0) }
            let needs = missing.isEmpty ? "" : " (mensyaratkan \(missing.map(\.raw).joined(separator: ", ")))"
            return "\(unit.code) \(unit.cleanTitle)\(needs)"
        }
        return
            "Pilih \(needed) unit pilihan lagi dari kualifikasi \(q.letter): \(list.joined(separator: "; ")). Unit yang mensyaratkan unit lain hanya dapat dipilih bersama persyaratannya."
    }
}
