import CLZ4

/// How frames are written. The content checksum is always on (a corrupt snapshot must be detected) and
/// block checksums are always off (the content checksum already covers every byte).
public struct LZ4FrameOptions: Sendable, Equatable {
  /// The largest uncompressed block; the decoder needs buffers of this size.
  public enum BlockSize: Sendable, Equatable {
    case max64KiB, max256KiB, max1MiB, max4MiB

    var identifier: LZ4F_blockSizeID_t {
      switch self {
      case .max64KiB: LZ4F_max64KB
      case .max256KiB: LZ4F_max256KB
      case .max1MiB: LZ4F_max1MB
      case .max4MiB: LZ4F_max4MB
      }
    }
  }

  /// Independent blocks can be decoded on their own; linked blocks may refer to the previous 64 KiB,
  /// which compresses small blocks better.
  public enum BlockMode: Sendable, Equatable {
    case independent, linked

    var identifier: LZ4F_blockMode_t {
      switch self {
      case .independent: LZ4F_blockIndependent
      case .linked: LZ4F_blockLinked
      }
    }
  }

  /// 1 is the fast compressor (the `lz4` tool's default, `-1`); 3 to 12 select the high-compression
  /// compressor (slower to write, as fast to read); negative values trade ratio for more speed.
  public var compressionLevel: Int
  public var blockSize: BlockSize
  public var blockMode: BlockMode

  /// The defaults match the `lz4` tool's: level 1, 4 MiB independent blocks.
  public init(compressionLevel: Int = 1, blockSize: BlockSize = .max4MiB, blockMode: BlockMode = .independent)
  {
    self.compressionLevel = compressionLevel
    self.blockSize = blockSize
    self.blockMode = blockMode
  }

  /// liblz4's preferences for these options; `contentSize` is written to the header when given (liblz4
  /// reads a content size of 0 as "unknown", so an empty input has none).
  func preferences(contentSize: Int?) -> LZ4F_preferences_t {
    // The zero-initialised struct is liblz4's documented "all defaults" (LZ4F_INIT_PREFERENCES, a macro
    // that does not import); reserved fields must stay zero.
    var preferences = LZ4F_preferences_t()
    preferences.compressionLevel = Int32(clamping: compressionLevel)
    preferences.frameInfo.blockSizeID = blockSize.identifier
    preferences.frameInfo.blockMode = blockMode.identifier
    preferences.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled
    preferences.frameInfo.blockChecksumFlag = LZ4F_noBlockChecksum
    preferences.frameInfo.contentSize = UInt64(contentSize ?? 0)
    return preferences
  }
}
