import ClickHouseClient
import Testing

@Suite struct TabSeparatedTests {
  @Test func escapesTheCharactersThatEndFieldsAndRows() {
    #expect(TabSeparated.escape("a\tb\nc\rd\\e\0") == #"a\tb\nc\rd\\e\0"#)
    #expect(TabSeparated.escape("plain 東京") == "plain 東京")
  }

  @Test func nullIsBackslashNAndLiteralBackslashNIsNot() {
    #expect(TabSeparated.escape(nil) == #"\N"#)
    #expect(TabSeparated.escape(#"\N"#) == #"\\N"#)
    #expect(TabSeparated.unescape(#"\N"#) == nil)
    #expect(TabSeparated.unescape(#"\\N"#) == #"\N"#)
  }

  @Test func unescapeInvertsEscape() {
    for value in ["", "x", "a\tb", "\n\r\\", "\\t literal", "東京\0🚀", "'quote'"] {
      #expect(TabSeparated.unescape(Substring(TabSeparated.escape(value))) == value)
    }
  }

  @Test func unescapeDecodesClickHouseOnlyEscapes() {
    #expect(TabSeparated.unescape(#"\b\f\'"#) == "\u{8}\u{C}'")
  }

  @Test func rowsSplitLinesAndFields() {
    #expect(TabSeparated.rows(in: "1\ta\\tb\n2\t\\N\n") == [["1", "a\tb"], ["2", nil]])
    #expect(TabSeparated.rows(in: "") == [])
    #expect(TabSeparated.rows(in: "\n") == [[""]])
  }
}
