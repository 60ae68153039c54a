import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

@Suite struct CheckContextTests {
    /// The context folds only decree titles whose signature a scheme's unknown unit could
    /// match; that is sound only if the shortcut signature equals the folded title's.
    @Test func aTitleSignatureIsTheSignatureOfItsFoldedForm() throws {
        let catalog = SeedCatalog.result.catalog
        var titles =
            catalog.qualifications.flatMap { $0.1.units.map(\.title) }
            + catalog.schemes.flatMap {
                $0.units.map(\.title)
            }
        let pieces = [
            "Menyusun", "PROGRAM", " ", "  ", "\t", ".", ",", "-", "- ", "Unit-", "an", "<i>", "</i>", "**", "İ", "é",
            "\u{301}", "ß", "K3", "(", ")", "/", "Pengorganisasi-an", "Face to Face",
        ]
        var random = SeededRandom(seed: 5)
        for _ in 0..<3000 {
            titles.append(
                (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        #expect(titles.count > 3400)
        for title in titles {
            #expect(
                CheckContext.foldedTitleSignature(title) == CheckContext.titleSignature(TitleText.fold(title)),
                "\(title.debugDescription)")
        }
    }

    /// A scheme unit under an unknown code whose title is a decree unit's is found as
    /// superseded, whatever case, spacing and markup the scheme wrote the title in.
    @Test func anUnknownCodeIsMatchedByItsTitleThroughTheSignatureIndex() throws {
        var catalog = SeedCatalog.result.catalog
        let decreeUnit = try #require(catalog.qualifications.first?.1.units.first)
        var scheme = catalog.schemes[0]
        scheme.units.append(
            SchemeUnit(
                number: 99, code: UnitCode("N.78SPS02.999.1"),
                title: "<i>" + decreeUnit.title.uppercased().replacingOccurrences(of: " ", with: "  ") + "</i>",
                line: 999))
        catalog.schemes[0] = scheme
        let context = CheckContext(catalog: catalog)
        guard case .superseded(let codes) = context.resolutions[0].last else {
            Issue.record("not found by title: \(String(describing: context.resolutions[0].last))")
            return
        }
        #expect(codes.contains(decreeUnit.code))
        // Only titles a scheme could match were folded into the index, not every decree title.
        #expect(context.codesByFoldedTitle.count < 5)
    }
}
