import PostgresClient
import Testing

@Suite struct PostgresCopyTextTests {
  @Test func escapesTheCharactersThatEndFieldsAndRows() {
    #expect(PostgresCopyText.escape("a\tb\nc\rd\\e") == #"a\tb\nc\rd\\e"#)
    #expect(PostgresCopyText.escape("plain 東京") == "plain 東京")
  }

  @Test func nullIsBackslashNAndLiteralBackslashNIsNot() {
    #expect(PostgresCopyText.escape(nil) == #"\N"#)
    #expect(PostgresCopyText.escape(#"\N"#) == #"\\N"#)
  }

  @Test func rowJoinsEscapedFieldsWithTabs() {
    #expect(PostgresCopyText.row(["1", nil, "x\ty"]) == "1\t\\N\tx\\ty")
  }
}
