import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNISite

/// The SKKNI downloads: the Daftar rows and each unit's definition, elements and criteria
/// of the real 299/2020 and 126/2023 annexes, as CSV.
@Suite struct StandardDownloadTests {
    static func csv(_ file: CSVDownload) throws -> [[String]] {
        let catalog = try StandardSiteTests.catalog()
        let data = try #require(Downloads.csvFiles(catalog).first { $0.0 == file.path }?.1)
        // The fields of these files hold no line breaks: a row is a line.
        return String(decoding: data, as: UTF8.self).split(separator: "\r\n").map { line in
            Self.fields(String(line))
        }
    }

    /// One CSV line's fields (quotes doubled inside quoted fields).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(ch)
            }
        }
        fields.append(field)
        return fields
    }

    @Test func criteriaOfJ62DMI00001() throws {
        let rows = try Self.csv(.unitCriteria)
        #expect(rows[0] == ["code", "decree", "element", "position", "number", "text", "file", "line"])
        let unit = rows.filter { $0[0] == "J.62DMI00.001.1" }
        #expect(unit.count == 12)
        #expect(unit[0][1] == "kepmen-299-2020" && unit[0][2] == "1" && unit[0][3] == "1" && unit[0][4] == "1.1")
        #expect(
            unit[0][5]
                == "Latar belakang dan permasalahan bisnis untuk proyek data science diidentifikasi sesuai dengan prosedur bisnis yang berlaku."
        )
        #expect(unit[0][6] == "Tests/Fixtures/real/skkni/skkni-kepmen-299-2020-data-science.txt")
    }

    @Test func elementsDefinitionsAndDaftarRows() throws {
        let elements = try Self.csv(.unitElements).filter { $0[0] == "J.62DMI00.001.1" }
        #expect(elements.count == 4)
        #expect(
            elements[0][4]
                == "Menentukan permasalahan bisnis dan poin-poin objektif bisnis proyek data science dari sisi pengguna akhir"
        )
        let definitions = try Self.csv(.unitDefinitions)
        #expect(definitions.filter { $0[1] == "kepmen-299-2020" }.count == 21)
        #expect(definitions.filter { $0[1] == "kepmen-126-2023" }.count == 20)
        let listed = try Self.csv(.decreeUnits)
        #expect(listed[0] == ["decree", "position", "number", "code", "title", "file", "line"])
        #expect(listed.filter { $0[0] == "kepmen-299-2020" }.count == 21)
        let positions: [String] = listed.filter { $0[0] == "kepmen-126-2023" }.map { $0[1] }
        let expected: [String] = (1...20).map { String($0) }
        #expect(positions == expected)
    }
}
