import SKKNICore

/// How the rows of an SKKNI decree's `Daftar Unit Kompetensi` and its `Uraian Unit
/// Kompetensi` blocks correspond: by code, else by unit identity (another version), else by
/// the code's letters and digits (a dot missing or added), else by position with the same title.
struct StandardPairing {
    enum Match {
        /// The same code.
        case code
        /// The same unit, another version.
        case identity
        /// The same letters and digits: one of the two spellings is malformed.
        case spelling
        /// The same place in both lists and the same title, another code.
        case position
    }

    struct Pair {
        var definition: Int
        var listed: Int
        var match: Match
    }

    let standard: StandardDecree
    private(set) var pairs: [Pair] = []
    /// Definitions no Daftar row corresponds to.
    private(set) var unlisted: [Int] = []
    /// Daftar rows no definition corresponds to.
    private(set) var undefined: [Int] = []

    init(_ standard: StandardDecree) {
        self.standard = standard
        let listed = standard.listedUnits
        let definitions = standard.definitions
        var rowTaken = [Bool](repeating: false, count: listed.count)
        var pairOf = [Int?](repeating: nil, count: definitions.count)
        func pass(_ match: Match, key: (UnitCode) -> String?) {
            var rows: [String: [Int]] = [:]
            for (i, row) in listed.enumerated() where !rowTaken[i] {
                if let k = key(row.code) { rows[k, default: []].append(i) }
            }
            for (d, definition) in definitions.enumerated() where pairOf[d] == nil {
                guard let k = key(definition.code), let i = rows[k]?.first(where: { !rowTaken[$0] }) else { continue }
                rowTaken[i] = true
                pairOf[d] = pairs.count
                pairs.append(Pair(definition: d, listed: i, match: match))
            }
        }
        pass(.code) { $0.raw }
        pass(.identity) { $0.isValid ? $0.identity : nil }
        pass(.spelling) { Self.compact($0.raw) }
        for (d, definition) in definitions.enumerated() where pairOf[d] == nil && d < listed.count && !rowTaken[d] {
            if Self.titleKey(listed[d].title) == Self.titleKey(definition.title) {
                rowTaken[d] = true
                pairOf[d] = pairs.count
                pairs.append(Pair(definition: d, listed: d, match: .position))
            }
        }
        unlisted = definitions.indices.filter { pairOf[$0] == nil }
        undefined = listed.indices.filter { !rowTaken[$0] }
    }

    /// A code's letters and digits, upper-cased: `M74DKV13.015.3` and `M.74DKV13.015.3` agree.
    static func compact(_ code: String) -> String {
        // Codes are ASCII: on bytes, without Character (every row of every decree is asked).
        if code.isASCIIText {
            var out: [UInt8] = []
            out.reserveCapacity(code.utf8.count)
            for byte in code.utf8 where byte.isASCIIAlphanumeric { out.append(byte.asciiUppercased) }
            return String(decoding: out, as: UTF8.self)
        }
        return String(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A title's words, lower-cased, without punctuation: titles that differ only in case,
    /// spacing or a dash agree.
    static func titleKey(_ title: String) -> String {
        if let plain = TitleText.plainASCII(title) {
            // The same key on bytes: letters and digits lowercased, any run of others one space.
            var out: [UInt8] = []
            out.reserveCapacity(plain.count)
            var pendingSpace = false
            for byte in plain {
                if byte.isASCIIAlphanumeric {
                    if pendingSpace, !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte.asciiLowercased)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return titleKeyGeneral(title)
    }

    /// `titleKey` for any text; `titleKey` takes a byte path for plain ASCII.
    static func titleKeyGeneral(_ title: String) -> String {
        TitleText.clean(title).lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: standard.source, line: line) }
}

extension CheckContext {
    /// The SKKNI decrees whose own content a rule checks: none when only scheme findings are asked for.
    var checkedStandards: [StandardDecree] { checksDecrees ? catalog.standards : [] }
}

extension Example {
    /// An SKKNI decree: `annex` (its `Daftar Unit Kompetensi` and `Uraian Unit Kompetensi`)
    /// after a standard LAMPIRAN heading.
    static func standard(_ annex: String, file: String = #filePath, line: UInt = #line) -> Example {
        let text = """
            LAMPIRAN
            KEPUTUSAN MENTERI KETENAGAKERJAAN
            REPUBLIK INDONESIA
            NOMOR 1 TAHUN 2024
            TENTANG
            PENETAPAN STANDAR KOMPETENSI KERJA NASIONAL INDONESIA BIDANG CONTOH

            \(annex)
            """
        return Example(documents: [ExampleDocument(kind: .decree, text: text, isDraft: false)], file: file, line: line)
    }
}
