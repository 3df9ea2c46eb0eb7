import LZ4Frame
import Testing

@Suite("LZ4FrameDecoder")
struct LZ4FrameDecoderTests {
  /// Feeds `frame` to `decoder` in chunks of the given sizes, cycling through them.
  static func decodeInChunks(
    _ frame: [UInt8], chunkSizes: [Int], decoder: LZ4FrameDecoder
  ) throws -> [UInt8] {
    var output: [UInt8] = []
    var offset = 0
    var chunkIndex = 0
    while offset < frame.count {
      let end = min(offset + chunkSizes[chunkIndex % chunkSizes.count], frame.count)
      try decoder.decode(Array(frame[offset..<end]), appendingTo: &output)
      offset = end
      chunkIndex += 1
    }
    try decoder.finish()
    return output
  }

  @Test("decodes a frame given one byte at a time, following the input hint")
  func decodesByteByByte() throws {
    let input = TestBytes.semiCompressible(count: 20_000, seed: 2)
    let frame = try LZ4FrameEncoder.compress(input)
    let decoder = try LZ4FrameDecoder(maximumOutputSize: input.count)
    var output: [UInt8] = []
    for (index, byte) in frame.enumerated() {
      try decoder.decode([byte], appendingTo: &output)
      let isLast = index == frame.count - 1
      #expect(decoder.isFrameFinished == isLast)
      #expect((decoder.inputSizeHint > 0) == !isLast)
    }
    try decoder.finish()
    #expect(output == input)
  }

  @Test(
    "decodes large frames given in odd chunk sizes",
    arguments: [LZ4FrameOptions(), LZ4FrameOptions(blockSize: .max64KiB, blockMode: .linked)])
  func decodesOddChunks(options: LZ4FrameOptions) throws {
    let input = TestBytes.semiCompressible(count: 9_000_001, seed: 5)
    // A streamed frame has no content size, so the decoder cannot size its output from the header.
    let encoder = try LZ4FrameEncoder(options: options)
    var frame: [UInt8] = []
    try encoder.compress(input, appendingTo: &frame)
    try encoder.finish(appendingTo: &frame)
    let decoder = try LZ4FrameDecoder(maximumOutputSize: input.count)
    let output = try Self.decodeInChunks(frame, chunkSizes: [3, 65_535, 17, 1_048_583, 0], decoder: decoder)
    #expect(TestBytes.same(output, input))
    #expect(decoder.outputSize == input.count)
    #expect(decoder.framesCompleted == 1)
  }

  @Test("a flipped byte in a stored block fails the content checksum")
  func flippedByteFailsContentChecksum() throws {
    // Random bytes do not compress, so liblz4 stores the block as is: the flipped byte still decodes,
    // and only the content checksum can notice.
    var frame = try LZ4FrameEncoder.compress(TestBytes.random(count: 10_000, seed: 11))
    frame[frame.count / 2] ^= 0x01
    let error = try #require(throws: LZ4FrameError.self) {
      try LZ4FrameDecoder.decompress(frame, maximumOutputSize: 10_000)
    }
    #expect(error.kind == .invalidFrame)
    #expect(error.name == "ERROR_contentChecksum_invalid")
    #expect(error.message.contains("corrupt"))
  }

  @Test(
    "a changed byte anywhere in a compressed frame is an error or changes nothing", arguments: [0, 1, 2, 3])
  func changedByteIsNeverSilentlyWrong(seed: UInt64) throws {
    let input = TestBytes.semiCompressible(count: 50_000, seed: seed)
    let frame = try LZ4FrameEncoder.compress(input)
    var generator = SeededGenerator(seed: seed)
    var errors = 0
    for _ in 0..<200 {
      var corrupt = frame
      let position = Int.random(in: 0..<frame.count, using: &generator)
      corrupt[position] ^= UInt8.random(in: 1...255, using: &generator)
      // A changed match offset can point at an identical earlier copy of the same text: the output is
      // then still right. What must never happen is different output without an error.
      do {
        let output = try LZ4FrameDecoder.decompress(corrupt, maximumOutputSize: input.count)
        #expect(output == input, "byte \(position) changed: wrong output without an error")
      } catch {
        errors += 1
      }
    }
    #expect(errors > 150)
  }

  @Test("every truncation of a frame is a truncated-frame error")
  func truncatedFrameIsAnError() throws {
    let frame = try LZ4FrameEncoder.compress(TestBytes.semiCompressible(count: 3_000))
    for length in 1..<frame.count {
      let error = try #require(throws: LZ4FrameError.self) {
        try LZ4FrameDecoder.decompress(Array(frame.prefix(length)), maximumOutputSize: 3_000)
      }
      #expect(error.kind == .truncatedFrame, "cut at \(length) of \(frame.count)")
    }
  }

  @Test("empty input holds no frame")
  func emptyInputIsMissingFrame() throws {
    let error = try #require(throws: LZ4FrameError.self) {
      try LZ4FrameDecoder.decompress([], maximumOutputSize: 100)
    }
    #expect(error.kind == .missingFrame)
  }

  @Test("random garbage is an error, never a crash")
  func randomGarbageIsAnError() throws {
    for seed in UInt64(0)..<500 {
      let garbage = TestBytes.random(count: Int(seed % 64) * 37 + 1, seed: seed)
      #expect(throws: LZ4FrameError.self, "seed \(seed)") {
        try LZ4FrameDecoder.decompress(garbage, maximumOutputSize: 1 << 20)
      }
      // Past the magic number, the header and blocks must be checked too.
      let magicThenGarbage = [0x04, 0x22, 0x4D, 0x18] + garbage
      #expect(throws: LZ4FrameError.self, "seed \(seed) after the magic number") {
        try LZ4FrameDecoder.decompress(magicThenGarbage, maximumOutputSize: 1 << 20)
      }
    }
  }

  @Test("text that is not LZ4 names the wrong magic number")
  func notLZ4NamesTheMagicNumber() throws {
    let error = try #require(throws: LZ4FrameError.self) {
      try LZ4FrameDecoder.decompress(Array("hello, world".utf8), maximumOutputSize: 100)
    }
    #expect(error.name == "ERROR_frameType_unknown")
    #expect(error.message.contains("magic number"))
  }

  @Test("after an error the decoder keeps reporting it")
  func errorIsSticky() throws {
    let decoder = try LZ4FrameDecoder(maximumOutputSize: 100)
    var output: [UInt8] = []
    let first = try #require(throws: LZ4FrameError.self) {
      try decoder.decode(Array("not a frame".utf8), appendingTo: &output)
    }
    let frame = try LZ4FrameEncoder.compress([1, 2, 3])
    let second = try #require(throws: LZ4FrameError.self) { try decoder.decode(frame, appendingTo: &output) }
    #expect(first == second)
    decoder.reset()
    try decoder.decode(frame, appendingTo: &output)
    try decoder.finish()
    #expect(output == [1, 2, 3])
  }

  @Test("bytes after the frame are rejected by default")
  func trailingBytesAreRejected() throws {
    let frame = try LZ4FrameEncoder.compress([1, 2, 3])
    let error = try #require(throws: LZ4FrameError.self) {
      try LZ4FrameDecoder.decompress(frame + [0], maximumOutputSize: 100)
    }
    #expect(error.kind == .trailingBytes)
    #expect(error.message.contains("offset \(frame.count)"))
  }

  @Test("concatenated frames, with a skippable frame between them, decode as one stream")
  func concatenatedFramesDecode() throws {
    let first = TestBytes.semiCompressible(count: 70_000, seed: 1)
    let second = TestBytes.semiCompressible(count: 5_000, seed: 2)
    let skippable: [UInt8] = [0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 0xAA, 0xBB, 0xCC]
    let stream = try LZ4FrameEncoder.compress(first) + skippable + LZ4FrameEncoder.compress(second)
    let decoder = try LZ4FrameDecoder(maximumOutputSize: 1 << 20, afterFrame: .decodeConcatenatedFrames)
    let output = try Self.decodeInChunks(stream, chunkSizes: [1000, 1], decoder: decoder)
    #expect(output == first + second)
    #expect(decoder.framesCompleted == 3)
  }

  @Test("garbage after concatenated frames is still an error")
  func garbageAfterConcatenatedFrames() throws {
    let frame = try LZ4FrameEncoder.compress([1, 2, 3])
    let decoder = try LZ4FrameDecoder(maximumOutputSize: 100, afterFrame: .decodeConcatenatedFrames)
    var output: [UInt8] = []
    let error = try #require(throws: LZ4FrameError.self) {
      try decoder.decode(frame + Array("this is not a frame".utf8), appendingTo: &output)
    }
    #expect(error.name == "ERROR_frameType_unknown")
    // Too short for liblz4 to judge the magic number: the input ends inside a would-be header.
    let shortDecoder = try LZ4FrameDecoder(maximumOutputSize: 100, afterFrame: .decodeConcatenatedFrames)
    try shortDecoder.decode(frame + Array("junk".utf8), appendingTo: &output)
    #expect(throws: LZ4FrameError.self) { try shortDecoder.finish() }
  }

  @Test("stopping at the end of the frame leaves the following bytes to the caller")
  func stopsAtEndOfFrame() throws {
    let frame = try LZ4FrameEncoder.compress(TestBytes.semiCompressible(count: 1_000))
    let decoder = try LZ4FrameDecoder(maximumOutputSize: 1_000, afterFrame: .stopAtEndOfFrame)
    var output: [UInt8] = []
    let used = try decoder.decode(frame + Array("rest".utf8), appendingTo: &output)
    #expect(used == frame.count)
    #expect(decoder.isFrameFinished)
    #expect(try decoder.decode(Array("more".utf8), appendingTo: &output) == 0)
    try decoder.finish()
    #expect(output == TestBytes.semiCompressible(count: 1_000))
  }

  @Test("a frame declaring more than the limit is refused before inflating")
  func bombWithContentSizeIsRefusedEarly() throws {
    let frame = try LZ4FrameEncoder.compress([UInt8](repeating: 0, count: 16 << 20))
    let decoder = try LZ4FrameDecoder(maximumOutputSize: 1 << 20)
    var output: [UInt8] = []
    let error = try #require(throws: LZ4FrameError.self) { try decoder.decode(frame, appendingTo: &output) }
    #expect(error.kind == .outputLimitExceeded)
    #expect(output.count <= 64 * 1024)
  }

  @Test("a frame without content size is stopped one byte past the limit")
  func bombWithoutContentSizeIsStopped() throws {
    let encoder = try LZ4FrameEncoder()
    var frame: [UInt8] = []
    try encoder.compress([UInt8](repeating: 0, count: 16 << 20), appendingTo: &frame)
    try encoder.finish(appendingTo: &frame)
    let limit = 3 << 20
    let decoder = try LZ4FrameDecoder(maximumOutputSize: limit)
    var output: [UInt8] = []
    let error = try #require(throws: LZ4FrameError.self) { try decoder.decode(frame, appendingTo: &output) }
    #expect(error.kind == .outputLimitExceeded)
    #expect(output.count == limit + 1)
  }

  @Test("output of exactly the limit is accepted", arguments: [false, true])
  func outputAtTheLimitIsAccepted(declaresContentSize: Bool) throws {
    let input = TestBytes.semiCompressible(count: 100_000)
    let encoder = try LZ4FrameEncoder(contentSize: declaresContentSize ? input.count : nil)
    var frame: [UInt8] = []
    try encoder.compress(input, appendingTo: &frame)
    try encoder.finish(appendingTo: &frame)
    #expect(try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count) == input)
    #expect(throws: LZ4FrameError.self) {
      try LZ4FrameDecoder.decompress(frame, maximumOutputSize: input.count - 1)
    }
  }
}
