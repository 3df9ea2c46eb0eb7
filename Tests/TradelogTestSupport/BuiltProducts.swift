import Foundation

/// The package's built executables, found next to the test bundle: `swift build --build-tests`
/// puts both in the same products directory (`.build/debug` or `.build/release`).
public enum BuiltProducts {
  /// The products directory holding the running test bundle.
  public static var directory: URL {
    #if os(macOS)
      // The test bundle is a `.xctest` directory loaded into a host process.
      if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
        return bundle.bundleURL.deletingLastPathComponent()
      }
    #endif
    // On Linux the test bundle is itself the running executable.
    return URL(filePath: CommandLine.arguments[0]).absoluteURL.resolvingSymlinksInPath()
      .deletingLastPathComponent()
  }

  /// The built `tradelog` command.
  public static var tradelog: URL {
    get throws { try executable(named: "tradelog") }
  }

  public static func executable(named name: String) throws -> URL {
    let url = directory.appending(path: name)
    guard FileManager.default.isExecutableFile(atPath: url.path) else { throw NotBuilt(url: url) }
    return url
  }

  public struct NotBuilt: Error, CustomStringConvertible {
    public let url: URL
    public var description: String {
      "\(url.path) is not built: run `swift build --build-tests` (the tests run the real binary)."
    }
  }
}
