import LZ4Frame
import Testing

@Suite("LZ4FrameEncoder")
struct LZ4FrameEncoderTests {
  static let magic: [UInt8] = [0x04, 0x22, 0x4D, 0x18]

  @Test("round trips inputs of 0, 1 and a few hundred bytes", arguments: [0, 1, 300])
  func roundTripsSmallInputs(count: Int) throws {
    let input = TestBytes.semiCompressible(count: count)
    let frame = try LZ4FrameEncoder.compress(input)
    #expect(Array(frame.prefix(4)) == Self.magic)
    let output = try LZ4FrameDecoder.decompress(frame, maximumOutputSize: count)
    #expect(output == input)
  }

  @Test("round trips 64 MiB of semi-compressible data, smaller than the input")
  func roundTripsLargeInput() throws {
    let input = TestBytes.semiCompressible(count: 64 << 20)
    let frame = try LZ4FrameEncoder.compress(input)
    #expect(frame.count < input.count * 3 / 4)
    let output = try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count)
    #expect(TestBytes.same(output, input))
  }

  @Test("the one-shot frame declares its content size in the header")
  func oneShotWritesContentSize() throws {
    let frame = try LZ4FrameEncoder.compress(TestBytes.semiCompressible(count: 1000))
    let contentSizeFlag: UInt8 = 0x08
    #expect(frame[4] & contentSizeFlag != 0)
    let declared = frame[6..<14].reversed().reduce(0) { $0 << 8 | Int($1) }
    #expect(declared == 1000)
  }

  @Test(
    "streams input given in odd chunk sizes, with and without a declared content size",
    arguments: [false, true])
  func streamsOddChunks(declaresContentSize: Bool) throws {
    let input = TestBytes.semiCompressible(count: 5_000_011, seed: 7)
    let encoder = try LZ4FrameEncoder(
      options: LZ4FrameOptions(blockSize: .max64KiB, blockMode: .linked),
      contentSize: declaresContentSize ? input.count : nil)
    var frame: [UInt8] = []
    var offset = 0
    let chunkSizes = [1, 7, 4093, 65_537, 1_000_003, 0, 13]
    var chunkIndex = 0
    while offset < input.count {
      let end = min(offset + chunkSizes[chunkIndex % chunkSizes.count], input.count)
      try encoder.compress(Array(input[offset..<end]), appendingTo: &frame)
      offset = end
      chunkIndex += 1
    }
    try encoder.finish(appendingTo: &frame)
    let output = try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count)
    #expect(TestBytes.same(output, input))
  }

  @Test("a streamed frame with no input at all is a valid empty frame")
  func streamsEmptyFrame() throws {
    let encoder = try LZ4FrameEncoder()
    var frame: [UInt8] = []
    try encoder.finish(appendingTo: &frame)
    #expect(Array(frame.prefix(4)) == Self.magic)
    #expect(try LZ4FrameDecoder.decompress(frame, maximumOutputSize: 0) == [])
  }

  @Test("finish fails when the input size differs from the declared content size")
  func declaredContentSizeMustMatch() throws {
    let encoder = try LZ4FrameEncoder(contentSize: 10)
    var frame: [UInt8] = []
    try encoder.compress([1, 2, 3, 4, 5], appendingTo: &frame)
    let error = try #require(throws: LZ4FrameError.self) { try encoder.finish(appendingTo: &frame) }
    #expect(error.name == "ERROR_frameSize_wrong")
    #expect(error.message.contains("contentSize"))
  }

  @Test(
    "round trips with high-compression levels and every block size",
    arguments: [
      LZ4FrameOptions(compressionLevel: 9, blockSize: .max64KiB, blockMode: .linked),
      LZ4FrameOptions(compressionLevel: 12, blockSize: .max256KiB),
      LZ4FrameOptions(compressionLevel: -5, blockSize: .max1MiB, blockMode: .linked),
    ])
  func roundTripsOptions(options: LZ4FrameOptions) throws {
    let input = TestBytes.semiCompressible(count: 600_000, seed: 3)
    let frame = try LZ4FrameEncoder.compress(input, options: options)
    #expect(try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count) == input)
  }
}
