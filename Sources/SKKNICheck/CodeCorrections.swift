import SKKNICore

/// Catalogue codes a mistyped code may stand for. Candidates are the codes one slip away
/// from it: look-alike characters swapped (O/0, I/1, l/1, S/5, B/8, one or two of them), a
/// letter, digit or dot missing, doubled, extra or different, or a two-digit version written
/// in the newer format (`N.78SPS02.011.01`). Only codes the decrees list are kept: a
/// suggestion that exists nowhere is not a correction.
struct CodeCorrection: Sendable {
    enum Slip: Int, Sendable, Comparable {
        case lookAlike, twoDigitVersion, missing, extra, different

        static func < (a: Slip, b: Slip) -> Bool { a.rawValue < b.rawValue }

        /// What went wrong, for the message (Bahasa Indonesia).
        var text: String {
            switch self {
            case .lookAlike: "huruf dan angka yang mirip tertukar"
            case .twoDigitVersion: "versinya ditulis dua angka seperti format lama"
            case .missing: "satu karakter hilang"
            case .extra: "satu karakter berlebih atau ganda"
            case .different: "satu karakter salah ketik"
            }
        }
    }

    var code: UnitCode
    var slip: Slip
    /// Whether a decree row gives this code the row's own title.
    var sameTitle: Bool

    /// The catalogue's candidates for `raw`, best first: same title as the row's, then the
    /// likelier slip, then by code.
    static func candidates(for raw: String, title: String?, context: CheckContext) -> [CodeCorrection] {
        var slips: [String: Slip] = [:]
        func consider(_ text: String, _ slip: Slip) {
            guard text != raw, context.rowsByCode[text] != nil else { return }
            if let known = slips[text], known <= slip { return }
            slips[text] = slip
        }
        for code in UnitCode(raw).confusableCorrections() { consider(code.raw, .lookAlike) }
        let chars = Array(raw)
        if let dot = chars.lastIndex(of: "."), chars.count - dot == 3, chars[dot + 1] == "0" {
            var one = chars
            one.remove(at: dot + 1)
            consider(String(one), .twoDigitVersion)
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")
        for i in chars.indices {
            var deleted = chars
            deleted.remove(at: i)
            consider(String(deleted), .extra)
            for c in alphabet where c != chars[i] {
                var changed = chars
                changed[i] = c
                consider(String(changed), .different)
            }
        }
        for i in 0...chars.count {
            for c in alphabet {
                var inserted = chars
                inserted.insert(c, at: i)
                consider(String(inserted), .missing)
            }
        }
        let folded = title.map(TitleText.fold)
        let found = slips.map { text, slip in
            let code = UnitCode(text)
            let titled = folded.map { t in context.rows(code: code).contains { TitleText.fold($0.unit.title) == t } }
            return CodeCorrection(code: code, slip: slip, sameTitle: titled ?? false)
        }
        return found.sorted {
            ($0.sameTitle ? 0 : 1, $0.slip, $0.code.raw) < ($1.sameTitle ? 0 : 1, $1.slip, $1.code.raw)
        }
    }

    /// `; mungkin maksudnya X (…), yang ada di katalog dengan judul yang sama; kode lain yang mirip: …`
    static func describe(_ candidates: [CodeCorrection]) -> String? {
        guard let best = candidates.first else { return nil }
        var text = "mungkin maksudnya \(best.code) (\(best.slip.text)), yang ada di katalog"
        if best.sameTitle { text += " dengan judul yang sama" }
        if candidates.count > 1 {
            text +=
                "; kode lain di katalog yang mirip: \(candidates.dropFirst().prefix(4).map(\.code.raw).joined(separator: ", "))"
        }
        return text
    }
}
