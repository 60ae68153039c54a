import SKKNICore

/// Builds the committee's review of a draft scheme against the catalogue.
public enum DraftReviewer {
    public static func review(_ draft: Scheme, catalog: Catalog, importFindings: [Diagnostic] = []) -> DraftReview {
        let context = CheckContext(catalog: catalog, drafts: [draft])
        let findings = (importFindings + Checker.run(catalog: catalog, drafts: [draft]))
            .filter { $0.location.file == draft.source }
            .sorted(by: Diagnostic.ordered)
            .map { DraftReview.FindingWithFix(diagnostic: $0, fix: fix(for: $0)) }

        let units = draft.units.map { unit -> DraftReview.UnitStatus in
            guard unit.code.isValid else {
                return .init(
                    line: unit.line, code: unit.code.raw, title: unit.cleanTitle, status: "kode rusak",
                    detail: "bukan format kode SKKNI", ok: false)
            }
            let exact = context.rows(code: unit.code)
            if let row = exact.first {
                let places = Set(exact.map { "\($0.qualification.letter) (\($0.decree.label))" }).sorted()
                let titleNote =
                    TitleText.fold(row.unit.title) == TitleText.fold(unit.title)
                    ? "" : "; judul di katalog: \(row.unit.cleanTitle)"
                return .init(
                    line: unit.line, code: unit.code.raw, title: unit.cleanTitle, status: "cocok",
                    detail: "dikemas di kualifikasi \(places.joined(separator: ", "))\(titleNote)",
                    ok: titleNote.isEmpty)
            }
            if let latest = context.latestVersion(of: unit.code.identity) {
                return .init(
                    line: unit.line, code: unit.code.raw, title: unit.cleanTitle, status: "versi lain",
                    detail: "katalog memuat \(latest)", ok: false)
            }
            return .init(
                line: unit.line, code: unit.code.raw, title: unit.cleanTitle, status: "tidak dikenal",
                detail: "tidak ada di keputusan mana pun dalam katalog", ok: false)
        }

        var qualification: String?
        var packaging: [DraftReview.PackagingRow] = []
        if draft.packagingType == .kkni, let (decree, q) = KKNIConformanceRule.qualification(for: draft, in: context) {
            qualification = CheckContext.describe(q, in: decree)
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
        return DraftReview(
            draft: draft, units: units, findings: findings, qualification: qualification, packaging: packaging)
    }

    /// How to fix a finding, in the committee's words.
    static func fix(for d: Diagnostic) -> String {
        switch d.rule {
        case "SKK101": return "Hapus baris rangkap; satu unit cukup dicantumkan sekali."
        case "SKK102", "SKK403":
            return "Pakai versi terbaru yang ditetapkan keputusan, atau jelaskan mengapa versi lama dipakai."
        case "SKK103": return "Salin judul persis seperti dalam keputusan."
        case "SKK104": return "Perbaiki kode (sering salah ketik O/0, I/1, S/5 hasil OCR); lihat usulan pada pesan."
        case "SKK401": return "Pilih satu jenis kemasan: KKNI, Okupasi, atau Klaster."
        case "SKK402":
            return "Periksa kode terhadap keputusan yang dikutip; tambahkan keputusannya ke katalog bila belum ada."
        case "SKK404": return "Ganti dengan kode yang berlaku untuk judul ini."
        case "SKK405": return "Kutip keputusan pengganti dan sesuaikan unitnya."
        case "SKK406":
            return
                "Muat semua unit inti kualifikasi dan cukup unit pilihan (lihat tabel kemasan di bawah, atau skkni plan)."
        case "SKK407": return "Tambahkan unit persyaratannya ke skema, atau keluarkan unit yang mensyaratkannya."
        case "SKK408": return "Bandingkan dengan kemasan kualifikasi yang jabatannya sama (skkni plan)."
        case "SKK001", "SKK005": return "Rapikan baris tabel: nomor, kode, judul dalam kolomnya."
        case "SKK003": return "Lengkapi keterangan yang hilang (tanggal pengesahan, nomor dokumen)."
        case "SKK004": return "Isi tabel unit kompetensi."
        default: return "Lihat penjelasan aturan \(d.rule)."
        }
    }
}
