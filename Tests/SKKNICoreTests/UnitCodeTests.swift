import Testing

@testable import SKKNICore

@Suite struct UnitCodeTests {
    @Test func parsesOlderFormat() {
        let code = UnitCode("C.282210.007.01")
        #expect(code.format == .older)
        #expect(code.identity == "C.282210.007")
        #expect(code.version == "01")
        #expect(code.versionNumber == 1)
    }

    @Test func parsesNewerFormat() {
        let code = UnitCode("C.28LOG09.002.2")
        #expect(code.format == .newer)
        #expect(code.identity == "C.28LOG09.002")
        #expect(code.version == "2")
        #expect(UnitCode("N.78SPS02.070.1").isValid)
        #expect(UnitCode("P.85ASM00.001.2").isValid)
    }

    @Test func readsCodesFromBefore2012AsTheirOwnValidFormat() {
        let code = UnitCode("TIK.PR02.001.01")
        #expect(code.format == .legacy)
        #expect(code.identity == "TIK.PR02.001")
        #expect(code.versionNumber == 1)
        #expect(UnitCode("PAR.MG01.003.01").format == .legacy)
        // A section letter alone is the newer or older format's, never the legacy one's.
        #expect(UnitCode("M.74100.001.02").format == .invalid)
        #expect(UnitCode("TIK.PR02.001.1").format == .invalid)
        #expect(UnitCode("SIRXICT303").format == .invalid)
    }

    @Test func keepsInvalidCodesAsRawText() {
        let code = UnitCode("C.290MM01.014.1")
        #expect(code.format == .invalid)
        #expect(code.raw == "C.290MM01.014.1")
        #expect(code.identity == "C.290MM01.014")
        #expect(!UnitCode("N.78SPS02.70.1").isValid)
        #expect(!UnitCode("N78SPS02.070.1").isValid)
        #expect(!UnitCode("").isValid)
    }

    @Test func suggestsLetterDigitCorrections() {
        #expect(UnitCode("C.290MM01.014.1").confusableCorrections().map(\.raw) == ["C.29OMM01.014.1"])
        #expect(UnitCode("N.78SP5O2.070.1").confusableCorrections().map(\.raw) == ["N.78SPS02.070.1"])
        #expect(UnitCode("N.78SPS02.070.1").confusableCorrections().isEmpty)
    }

    @Test func ordersByIdentityThenVersion() {
        let codes = ["N.78SPS02.075.2", "N.78SPS02.075.1", "M.74SPS03.088.2"].map(UnitCode.init).sorted()
        #expect(codes.map(\.raw) == ["M.74SPS03.088.2", "N.78SPS02.075.1", "N.78SPS02.075.2"])
    }
}

@Suite struct TitleTextTests {
    @Test func cleansMarkupAndHyphenation() {
        #expect(
            TitleText.clean("Melaksanakan Pelatihan Tatap Muka (<i>Face To Face</i>)")
                == "Melaksanakan Pelatihan Tatap Muka (Face To Face)")
        #expect(
            TitleText.clean("Melakukan Pengorganisasi-an SDM Pelatihan Kerja")
                == "Melakukan Pengorganisasian SDM Pelatihan Kerja")
        #expect(
            TitleText.clean("Melakukan Pengemasan Unit- unit Kompetensi") == "Melakukan Pengemasan Unit-unit Kompetensi"
        )
        #expect(TitleText.clean("Menerapkan Dasar-Dasar Produktivitas") == "Menerapkan Dasar-Dasar Produktivitas")
        #expect(TitleText.clean("Merancang Konten <i>e-Learning</i>") == "Merancang Konten e-Learning")
        #expect(TitleText.clean("**Judul**\t  dengan   spasi") == "Judul dengan spasi")
    }

    @Test func foldsIgnorableDifferencesOnly() {
        #expect(
            TitleText.fold("Melakukan Kaji Ulang Manajemen Mutu/ Jaminan Mutu")
                == TitleText.fold("Melakukan Kaji Ulang Manajemen Mutu/Jaminan Mutu"))
        #expect(
            TitleText.fold("Memfasilitasi (<i>On the Job Training/</i> Pemagangan)")
                == TitleText.fold("Memfasilitasi (<i>On the Job Training/ Pemagangan</i>)"))
        #expect(
            TitleText.fold("Melakukan Rekrutmen Calon SDM Pelatihan kerja")
                == TitleText.fold("Melakukan Rekrutmen Calon SDM Pelatihan Kerja"))
        #expect(TitleText.fold("Melakukan Surveilan") != TitleText.fold("Melakukan Surveilans"))
        #expect(TitleText.fold("Ketidak Sesuaian") != TitleText.fold("Ketidaksesuaian"))
    }
}

@Suite struct TitleTextFastPathTests {
    /// The byte path for plain ASCII titles must give exactly what the general path gives.
    @Test func asciiFastPathsAgreeWithTheGeneralPath() {
        var random = SeededRandom(seed: 42)
        let pieces = [
            "Menyusun", "PROGRAM", "pelatihan", " ", "  ", "\t", "\n", "\r\n", ".", ",", "(", ")", "/", ":", ";", "&",
            "'", "\"", "K3", "dan/atau", "x", "Z", "\u{0B}", "\u{0C}", "1.", "a,", "-", "- ", "Prinsip-prinsip",
            "Pengorganisasi-an", "Unit-", "an", "-kan", "i", "Kerja-Lah",
        ]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined()
            #expect(TitleText.clean(text) == TitleText.cleanGeneral(text), "\(text.debugDescription)")
            #expect(TitleText.fold(text) == TitleText.foldGeneral(text), "\(text.debugDescription)")
            // A text `isClean` passes is its own plain form (the search reads such texts' bytes).
            if TitleText.isClean(text) {
                #expect(TitleText.plainASCII(text) == Array(text.utf8), "\(text.debugDescription)")
                #expect(TitleText.clean(text) == text)
            }
        }
        // Titles the byte path must leave to the general one.
        for text in [
            "Pengorganisasi-an Kerja", "Unit- unit", "<i>Face to Face</i>", "**Unit**", "Pelaksanaan Évaluasi",
        ] {
            #expect(TitleText.plainASCII(text) == nil)
        }
    }
}
