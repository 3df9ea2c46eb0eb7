/// One versioned step of the projection's schema: a file `NNNN_description.sql` of schemas/postgres,
/// built into the binary (see `ProjectionMigration.all`) so that a deployed projector needs no files.
public struct ProjectionMigration: Sendable, Equatable {
  /// The file's number: 1, 2, 3, … with no gaps.
  public let version: Int
  public let fileName: String
  public let sql: String

  public init(version: Int, fileName: String, sql: String) {
    self.version = version
    self.fileName = fileName
    self.sql = sql
  }

  /// The newest version this build knows.
  public static var latestVersion: Int { all.last?.version ?? 0 }

  /// The file's statements, one by one: the projector runs them through the extended query protocol,
  /// which takes one statement per call. A statement ends with `;` at the end of a line that is not
  /// a comment, which is how the files are written (no string literal in them spans lines).
  var statements: [String] {
    var statements: [String] = []
    var current: [Substring] = []
    for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
      current.append(line)
      if !line.drop(while: { $0 == " " }).hasPrefix("--"), line.trimmingTrailingSpaces.hasSuffix(";") {
        statements.append(current.joined(separator: "\n"))
        current = []
      }
    }
    statements.append(current.joined(separator: "\n"))
    return statements.filter(Self.hasCode)
  }

  /// False for a chunk of only comments and blank lines.
  private static func hasCode(_ statement: String) -> Bool {
    statement.split(separator: "\n").contains { line in
      let trimmed = line.drop { $0 == " " }
      return !trimmed.isEmpty && !trimmed.hasPrefix("--")
    }
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpaces: Substring {
    var text = self
    while text.last == " " || text.last == "\r" { text.removeLast() }
    return text
  }
}
