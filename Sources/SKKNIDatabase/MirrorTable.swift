import GRDB
import GRDBSQLite
import SKKNICore

/// A table whose rows mirror a model type: each column named after one of the type's fields
/// (see `DescribedModel`) takes that field's value, and the other columns (the parent's id, a
/// position, the document's file…) are the row's context, given in order by the caller. A
/// field's column is its name in snake case (`dateSet` -> `date_set`) unless `renamed` says
/// otherwise; a field without a column in the table is left out. A model field added later
/// goes into the database by adding its column to the schema.
struct MirrorTable<Model: DescribedModel> {
    let insert: Insert
    /// Per field of `Model`, in its description's order: the field's parameter, 0 for none.
    let fieldParameters: [CInt]
    /// The context columns' parameters, in the order `row` takes their values.
    let contextParameters: [CInt]

    /// `context` are the columns the caller fills; a field named like one of them is not bound.
    init(
        _ db: Database, table: String, context: [String], renamed: [String: String] = [:],
        insert: (String, Int) throws -> Insert
    ) throws {
        let columns = try db.columns(in: table).map(\.name)
        func parameter(_ column: String) -> CInt {
            columns.firstIndex(of: column).map { CInt($0 + 1) } ?? 0
        }
        let fields = ModelFieldNames.of(Model.self).map { name in
            let column = renamed[name] ?? MirrorTable.snakeCase(name)
            return context.contains(column) ? 0 : parameter(column)
        }
        let contextParameters = context.map(parameter)
        // Every column taken exactly once, by a field or by the context.
        let taken = (fields + contextParameters).filter { $0 != 0 }
        precondition(
            !contextParameters.contains(0) && Set(taken).count == taken.count && taken.count == columns.count,
            "\(table): columns \(columns) against \(Model.self)'s fields and the context \(context)")
        self.insert = try insert(table, columns.count)
        self.fieldParameters = fields
        self.contextParameters = contextParameters
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out.append("_")
                out.append(contentsOf: character.lowercased())
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Inserts `value`'s row, with the context columns' values in the order given at `init`.
    func row(_ value: Model, _ context: ColumnValue?...) throws {
        try insert.row { insert in
            withUnsafePointer(to: value) { root in
                var binder = RowBinder(root: root, parameters: fieldParameters, insert: insert)
                Model.describe(&binder)
            }
            for (parameter, value) in zip(contextParameters, context) { insert.bind(value, at: parameter) }
        }
    }
}

/// Binds the fields that have a column.
struct RowBinder<Root>: FieldVisitor {
    let root: UnsafePointer<Root>
    let parameters: [CInt]
    let insert: Insert
    var ordinal = 0

    @inline(__always)
    mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
        let parameter = parameters[ordinal]
        ordinal += 1
        if parameter != 0 { insert.bind(root.pointee[keyPath: keyPath].column, at: parameter) }
    }
}
