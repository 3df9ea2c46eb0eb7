// swift-tools-version: 6.2
import PackageDescription

// A libFuzzer target over the command decoder. It is a package of its own, depending on the root
// package by path, so that a plain `swift build` of the root never builds it: it only links with
// `--sanitize=fuzzer` (libFuzzer supplies `main`). Build and run it with tools/fuzz.

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InferIsolatedConformances"),
  .treatAllWarnings(as: .error),
]

let package = Package(
  name: "TradelogFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    // Named, because a path dependency's identity would otherwise be its directory's name.
    .package(name: "Tradelog", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "CommandDecoderFuzzer",
      dependencies: [.product(name: "TradelogWire", package: "Tradelog")],
      swiftSettings: strictSettings)
  ]
)
