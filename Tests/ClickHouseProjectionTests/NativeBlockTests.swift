import Testing

@testable import ClickHouseProjection

@Suite struct NativeBlockTests {
  @Test func encodesCountsNamesTypesAndLittleEndianValues() {
    var identifiers = NativeColumn(name: "id", type: "UInt64")
    identifiers.append(UInt64(1))
    identifiers.append(UInt64(0x0102))
    var names = NativeColumn(name: "n", type: "String")
    names.append("ab")
    names.append(String(repeating: "x", count: 200))
    let block = NativeBlock.encode([identifiers, names])
    let expectedHead: [UInt8] =
      [2, 2, 2] + Array("id".utf8) + [6] + Array("UInt64".utf8) + [1, 0, 0, 0, 0, 0, 0, 0]
      + [2, 1, 0, 0, 0, 0, 0, 0] + [1] + Array("n".utf8) + [6] + Array("String".utf8) + [2] + Array("ab".utf8)
      + [200 & 0x7F | 0x80, 1]
    #expect(Array(block.prefix(expectedHead.count)) == expectedHead)
    #expect(block.count == expectedHead.count + 200)
  }
}
