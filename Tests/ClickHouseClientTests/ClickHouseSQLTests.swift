import ClickHouseClient
import Foundation
import Testing

@Suite struct ClickHouseSQLTests {
  @Test func stringLiteralSurvivesTheServer() async throws {
    let client = try TestServer.client()
    let value = "O'Brien \\ back\\'slash'; DROP TABLE x; -- 東京\ttab"

    let rows = try await client.queryRows("SELECT \(ClickHouseSQL.stringLiteral(value))")

    #expect(rows == [[value]])
  }

  @Test func identifierQuotesNamesThatAreNotPlain() async throws {
    let client = try TestServer.client()
    let table = ClickHouseSQL.identifier(TestServer.uniqueName("odd name`s"))
    try await client.execute("CREATE TABLE \(table) (x UInt8) ENGINE = Memory")

    try await client.insert(table: table, body: Data("5\n".utf8))

    #expect(try await client.queryRows("SELECT x FROM \(table)") == [["5"]])
    try await client.execute("DROP TABLE \(table)")
  }

  @Test func literalEscapesQuoteAndBackslash() {
    #expect(ClickHouseSQL.stringLiteral(#"a'b\c"#) == #"'a\'b\\c'"#)
    #expect(ClickHouseSQL.identifier("a`b") == #"`a\`b`"#)
  }
}
